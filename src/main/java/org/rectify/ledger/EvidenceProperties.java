package org.rectify.ledger;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where evidence files are kept and how large they may be ({@code rectify.evidence.*}). With several instances,
 * {@code dir} must be a volume they all share.
 */
@ConfigurationProperties(prefix = "rectify.evidence")
public record EvidenceProperties(Path dir, DataSize maxSize) {

    public EvidenceProperties {
        if (dir == null) {
            dir = Path.of("data", "evidence");
        }
        if (maxSize == null) {
            maxSize = DataSize.ofMegabytes(20);
        }
    }
}
