package org.rectify.ledger;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence files are kept and how large they may be ({@code rectify.evidence.*}). With several instances,
 * {@code dir} must be a volume they all share. {@code stagingDir} holds uploads until their form is submitted;
 * by default {@code <dir>-staging} beside the store, so that the store itself only ever holds evidence.
 */
@ConfigurationProperties(prefix = "rectify.evidence")
public record EvidenceProperties(Path dir, DataSize maxSize, Path stagingDir) {

    public EvidenceProperties {
        if (dir == null) {
            dir = Path.of("data", "evidence");
        }
        if (maxSize == null) {
            maxSize = DataSize.ofMegabytes(20);
        }
        if (stagingDir == null) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            stagingDir = name == null ? Path.of(System.getProperty("java.io.tmpdir"), "rectify-staging")
                    : dir.resolveSibling(name + "-staging");
        }
    }
}
