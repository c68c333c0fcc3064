package org.rectify.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Uploaded files waiting for their form, in one flat directory. Each file's name starts with the token of the
 * browser session that sent it, so a session's leftovers go when it ends ({@link #discardOwner}) and anybody's
 * stale ones when the server starts again ({@link #sweep}).
 */
@Component
public class EvidenceStaging {

    private static final Logger log = LoggerFactory.getLogger(EvidenceStaging.class);

    /** Older than this at start-up, a staged file belongs to no form that is still open. */
    static final Duration STALE = Duration.ofDays(1);

    private static final Pattern OWNER = Pattern.compile("[a-z0-9]{1,64}");
    private static final String SUFFIX = ".part";
    /** What Vaadin's UploadHandler.toTempFile leaves in java.io.tmpdir: one directory per upload. */
    private static final Pattern VAADIN_TEMP_DIR = Pattern.compile("temp_dir\\d+");

    private final Path dir;

    public EvidenceStaging(EvidenceProperties properties) {
        this.dir = properties.stagingDir().toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** A token for a new browser session: letters and digits only, so it can start a file name. */
    public static String newOwner() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A new, empty file for one upload of the given session. */
    public Path newFile(String owner) throws IOException {
        requireOwner(owner);
        Files.createDirectories(dir);
        return Files.createFile(dir.resolve(owner + "_" + UUID.randomUUID() + SUFFIX));
    }

    /** Deletes every file the session staged; returns how many went. */
    public int discardOwner(String owner) {
        requireOwner(owner);
        int deleted = 0;
        for (Path file : files(owner + "_*")) {
            if (delete(file)) {
                deleted++;
            }
        }
        return deleted;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepAtStartUp() {
        int deleted = sweep(Instant.now().minus(STALE), Path.of(System.getProperty("java.io.tmpdir")));
        if (deleted > 0) {
            log.info("Deleted {} stale uploaded file(s) and temporary directories", deleted);
        }
    }

    /**
     * Deletes staged files last changed before {@code before} (their sessions ended without saying so: a crash, a
     * restart), and the upload directories that Vaadin's temporary-file handler, used before, left in {@code tmp}
     * — only those that hold nothing but its {@code .tmp} files, all of that age. Returns how many it deleted.
     */
    public int sweep(Instant before, Path tmp) {
        int deleted = 0;
        for (Path file : files("*" + SUFFIX)) {
            if (olderThan(file, before) && delete(file)) {
                deleted++;
            }
        }
        if (Files.isDirectory(tmp)) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "temp_dir*")) {
                for (Path candidate : dirs) {
                    if (isStaleVaadinTempDir(candidate, before) && deleteTree(candidate)) {
                        deleted++;
                    }
                }
            } catch (IOException e) {
                log.warn("Could not look for old upload directories in {}", tmp, e);
            }
        }
        return deleted;
    }

    private static boolean isStaleVaadinTempDir(Path candidate, Instant before) {
        if (!VAADIN_TEMP_DIR.matcher(candidate.getFileName().toString()).matches() || !Files.isDirectory(candidate)
                || Files.isSymbolicLink(candidate) || !olderThan(candidate, before)) {
            return false;
        }
        try (Stream<Path> children = Files.list(candidate)) {
            return children.allMatch(c -> Files.isRegularFile(c) && !Files.isSymbolicLink(c)
                    && c.getFileName().toString().endsWith(".tmp") && olderThan(c, before));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean deleteTree(Path tempDir) {
        try (Stream<Path> children = Files.list(tempDir)) {
            children.forEach(EvidenceStaging::delete);
        } catch (IOException e) {
            return false;
        }
        return delete(tempDir);
    }

    private List<Path> files(String glob) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static boolean olderThan(Path p, Instant before) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(before);
        } catch (IOException e) {
            return false;
        }
    }

    /** Best effort: a staged file that cannot be deleted now is swept at the next start. */
    public static boolean delete(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireOwner(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("not a staging owner token: " + owner);
        }
    }
}
