package org.rectify.disclosure;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.ledger.Measure;

/**
 * A ledger item the office discloses to the members (整改公示), in public wording that may differ from the
 * ledger's: the internal texts, evidence and notes never leave the ledger. Names of individuals show only when
 * the office allows it.
 */
@Entity
@Table(name = "disclosure_item")
public class DisclosureItem extends AbstractEntity {

    @NotNull
    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "measure_id", unique = true)
    private Measure measure;

    @NotNull
    @Size(max = 2000)
    private String publicProblem;

    @NotNull
    @Size(max = 2000)
    private String publicMeasure;

    private boolean showNames;

    @NotNull
    @Size(max = 50)
    private String updatedBy;

    @NotNull
    private LocalDateTime updatedAt;

    protected DisclosureItem() {
    }

    DisclosureItem(Measure measure) {
        this.measure = measure;
    }

    /** An item disclosed by a loader (the demo data) rather than through the office's page. */
    public static DisclosureItem seeded(Measure measure, String problem, String measureText, boolean names,
            String by, LocalDateTime at) {
        DisclosureItem item = new DisclosureItem(measure);
        item.word(problem, measureText, names, by, at);
        return item;
    }

    void word(String problem, String measureText, boolean names, String by, LocalDateTime at) {
        this.publicProblem = problem;
        this.publicMeasure = measureText;
        this.showNames = names;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Measure getMeasure() {
        return measure;
    }

    public String getPublicProblem() {
        return publicProblem;
    }

    public String getPublicMeasure() {
        return publicMeasure;
    }

    public boolean isShowNames() {
        return showNames;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }
}
