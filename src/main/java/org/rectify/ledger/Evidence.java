package org.rectify.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** 佐证材料: a file on disk (see {@link EvidenceStorage}) and what is known of it. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id")
    private Measure measure;

    /** The progress report or closing application it came with. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "event_id")
    private MeasureEvent event;

    private String fileName;
    private String contentType;
    private long sizeBytes;

    @Column(columnDefinition = "char(64)")
    private String sha256;

    /** Path under the storage root; never shown to users. */
    private String storageKey;

    private String uploadedBy;
    private LocalDateTime uploadedAt;

    protected Evidence() {
    }

    Evidence(Measure measure, MeasureEvent event, EvidenceStorage.Stored stored, String uploadedBy,
            LocalDateTime at) {
        this.measure = measure;
        this.event = event;
        this.fileName = stored.fileName();
        this.contentType = stored.contentType();
        this.sizeBytes = stored.size();
        this.sha256 = stored.sha256();
        this.storageKey = stored.key();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Measure getMeasure() {
        return measure;
    }

    public MeasureEvent getEvent() {
        return event;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    String getStorageKey() {
        return storageKey;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public LocalDateTime getUploadedAt() {
        return uploadedAt;
    }
}
