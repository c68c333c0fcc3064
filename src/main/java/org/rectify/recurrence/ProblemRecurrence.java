package org.rectify.recurrence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.ledger.Problem;

/** A problem whose wording resembles one of an earlier meeting of the same organization (整改后反弹回潮?). */
@Entity
@Table(name = "problem_recurrence")
public class ProblemRecurrence extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "problem_id")
    private Problem problem;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "earlier_problem_id")
    private Problem earlierProblem;

    /** Dice similarity of the wording, in percent. */
    private int similarity;

    @Enumerated(EnumType.STRING)
    private RecurrenceStatus status = RecurrenceStatus.SUSPECTED;

    private String decidedBy;
    private LocalDateTime decidedAt;

    protected ProblemRecurrence() {
    }

    ProblemRecurrence(Problem problem, Problem earlierProblem, int similarity) {
        this.problem = problem;
        this.earlierProblem = earlierProblem;
        this.similarity = similarity;
    }

    void decide(RecurrenceStatus status, String by, LocalDateTime at) {
        this.status = status;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    public Problem getProblem() {
        return problem;
    }

    public Problem getEarlierProblem() {
        return earlierProblem;
    }

    public int getSimilarity() {
        return similarity;
    }

    public RecurrenceStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public LocalDateTime getDecidedAt() {
        return decidedAt;
    }
}
