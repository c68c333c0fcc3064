package org.rectify.ledger;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RelationTargetAuditMode;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.meeting.Meeting;
import org.rectify.org.Person;

/** 检视问题: one problem found at a meeting, with the measures that rectify it. */
@Entity
@Table(name = "problem")
@Audited
public class Problem extends AbstractEntity {

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Meeting meeting;

    /** 序号 within the meeting's problem list. */
    @Positive
    private int seqNo;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ProblemScope scope;

    /** The member a 个人问题 belongs to; empty for 班子问题. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Person member;

    @NotNull
    @Enumerated(EnumType.STRING)
    private ProblemSource source;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Category category;

    @NotBlank
    @Size(max = 2000)
    private String description;

    /** 原因剖析 / 党性分析. */
    @Size(max = 4000)
    private String causeAnalysis;

    /** 上年度未整改到位: the unfinished measure of an earlier meeting this problem continues. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "carried_from_id")
    @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
    private Measure carriedFrom;

    @NotAudited
    @OneToMany(mappedBy = "problem", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("seqNo")
    private List<Measure> measures = new ArrayList<>();

    protected Problem() {
    }

    public Problem(Meeting meeting, int seqNo, ProblemScope scope, Person member, ProblemSource source,
            Category category, String description) {
        this.meeting = meeting;
        this.seqNo = seqNo;
        this.scope = scope;
        this.member = member;
        this.source = source;
        this.category = category;
        this.description = description;
    }

    @AssertTrue(message = "{problem.memberMatchesScope}")
    boolean isMemberMatchingScope() {
        return scope == null || (scope == ProblemScope.INDIVIDUAL) == (member != null);
    }

    /** Adds a measure numbered after the existing ones. */
    public Measure addMeasure(Measure measure) {
        measure.attachTo(this, measures.size() + 1);
        measures.add(measure);
        return measure;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public int getSeqNo() {
        return seqNo;
    }

    public ProblemScope getScope() {
        return scope;
    }

    public Person getMember() {
        return member;
    }

    public ProblemSource getSource() {
        return source;
    }

    public Category getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    /** Office edits of the problem itself. */
    void edit(ProblemScope scope, Person member, ProblemSource source, Category category, String description,
            String causeAnalysis) {
        this.scope = scope;
        this.member = member;
        this.source = source;
        this.category = category;
        this.description = description;
        this.causeAnalysis = causeAnalysis;
    }

    public String getCauseAnalysis() {
        return causeAnalysis;
    }

    public void setCauseAnalysis(String causeAnalysis) {
        this.causeAnalysis = causeAnalysis;
    }

    public List<Measure> getMeasures() {
        return measures;
    }

    public Measure getCarriedFrom() {
        return carriedFrom;
    }

    /**
     * Links the problem to the measure it continues. The office's carry-over goes through
     * {@link ProblemService#createCarriedOver}; this is for a ledger recorded as it stands (the demo).
     */
    public void carriedFrom(Measure original) {
        this.carriedFrom = original;
    }
}
