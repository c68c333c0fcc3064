package org.rectify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** The staging directory: per-session discarding, and the start-up sweep of what a crash or restart left. */
class EvidenceStagingTest {

    @TempDir
    Path root;

    private EvidenceStaging staging;
    private Path tmp;
    private final Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));

    @BeforeEach
    void setUp() throws IOException {
        staging = new EvidenceStaging(new EvidenceProperties(root.resolve("evidence"), DataSize.ofKilobytes(64),
                null));
        tmp = Files.createDirectory(root.resolve("tmp"));
    }

    private long staged() throws IOException {
        if (!Files.isDirectory(staging.dir())) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging.dir())) {
            return files.count();
        }
    }

    private static Path age(Path p, Instant when) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(when));
        return p;
    }

    @Test
    void theStagingDirectoryIsBesideTheStoreNotInIt() {
        assertThat(staging.dir()).isEqualTo(root.resolve("evidence-staging").toAbsolutePath().normalize());
    }

    @Test
    void aSessionsFilesAreDiscardedAndNoOneElses() throws IOException {
        String mine = EvidenceStaging.newOwner();
        String theirs = EvidenceStaging.newOwner();
        staging.newFile(mine);
        staging.newFile(mine);
        Path other = staging.newFile(theirs);
        assertThat(staged()).isEqualTo(3);
        assertThat(staging.discardOwner(mine)).isEqualTo(2);
        assertThat(staged()).isEqualTo(1);
        assertThat(other).exists();
    }

    @Test
    void theStartUpSweepDeletesStagedFilesOlderThanADayAndVaadinsOldUploadDirectories() throws IOException {
        Path old = age(staging.newFile(EvidenceStaging.newOwner()), twoDaysAgo);
        Path fresh = staging.newFile(EvidenceStaging.newOwner());

        Path vaadinOld = Files.createDirectory(tmp.resolve("temp_dir123456"));
        age(Files.writeString(vaadinOld.resolve("报告.pdf98765.tmp"), "%PDF"), twoDaysAgo);
        age(vaadinOld, twoDaysAgo);
        Path vaadinEmpty = age(Files.createDirectory(tmp.resolve("temp_dir777")), twoDaysAgo);
        Path vaadinFresh = Files.createDirectory(tmp.resolve("temp_dir42"));
        Files.writeString(vaadinFresh.resolve("a.pdf1.tmp"), "%PDF");
        Path notVaadins = Files.createDirectory(tmp.resolve("temp_dir99"));
        age(Files.writeString(notVaadins.resolve("keep.txt"), "x"), twoDaysAgo);
        age(notVaadins, twoDaysAgo);
        Path otherName = age(Files.createDirectory(tmp.resolve("temp_directory")), twoDaysAgo);

        int deleted = staging.sweep(Instant.now().minus(EvidenceStaging.STALE), tmp);

        assertThat(old).doesNotExist();
        assertThat(fresh).as("a form may still be open").exists();
        assertThat(vaadinOld).doesNotExist();
        assertThat(vaadinEmpty).doesNotExist();
        assertThat(vaadinFresh).as("not a day old").exists();
        assertThat(notVaadins).as("holds something else").exists();
        assertThat(otherName).exists();
        assertThat(deleted).isEqualTo(3);
        assertThat(staged()).isEqualTo(1);
    }

    @Test
    void aSweepWithNothingToDoIsQuiet() {
        assertThat(staging.sweep(Instant.now(), root.resolve("no-such-dir"))).isZero();
    }
}
