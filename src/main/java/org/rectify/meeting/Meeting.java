package org.rectify.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.org.Person;
import org.rectify.org.Unit;

/** 会议: a democratic or organizational life meeting whose findings feed the ledger. */
@Entity
@Table(name = "meeting")
public class Meeting extends AbstractEntity {

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotNull
    @Enumerated(EnumType.STRING)
    private MeetingKind kind;

    /** The organization (党委/党组/党支部) whose team met. */
    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "org_unit_id")
    private Unit organization;

    /** 年度: the year the meeting reviews ("2025年度民主生活会"), usually held early the next year. */
    @Min(2000)
    @Max(2100)
    @Column(name = "meeting_year")
    private int year;

    @NotNull
    private LocalDate heldOn;

    @Size(max = 500)
    private String theme;

    @Size(max = 200)
    private String guidanceGroup;

    /** 征求意见建议X条. */
    @PositiveOrZero
    private int opinionsCount;

    /** 相互批评意见X条. */
    @PositiveOrZero
    private int criticismsCount;

    @NotNull
    @Enumerated(EnumType.STRING)
    private MeetingStatus status = MeetingStatus.HELD;

    /** 班子成员 who attended. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "meeting_attendee", joinColumns = @JoinColumn(name = "meeting_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private Set<Person> attendees = new LinkedHashSet<>();

    protected Meeting() {
    }

    public Meeting(String title, MeetingKind kind, Unit organization, int year, LocalDate heldOn, String theme) {
        this.title = title;
        this.kind = kind;
        this.organization = organization;
        this.year = year;
        this.heldOn = heldOn;
        this.theme = theme;
    }

    public String getTitle() {
        return title;
    }

    public MeetingKind getKind() {
        return kind;
    }

    public Unit getOrganization() {
        return organization;
    }

    public int getYear() {
        return year;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public String getTheme() {
        return theme;
    }

    public String getGuidanceGroup() {
        return guidanceGroup;
    }

    public void setGuidanceGroup(String guidanceGroup) {
        this.guidanceGroup = guidanceGroup;
    }

    public int getOpinionsCount() {
        return opinionsCount;
    }

    public int getCriticismsCount() {
        return criticismsCount;
    }

    public void setCounts(int opinionsCount, int criticismsCount) {
        this.opinionsCount = opinionsCount;
        this.criticismsCount = criticismsCount;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public void setStatus(MeetingStatus status) {
        this.status = status;
    }

    public Set<Person> getAttendees() {
        return attendees;
    }

    @Override
    public String toString() {
        return title;
    }
}
