package org.rectify.meeting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.org.Person;
import org.rectify.org.Position;
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

    /** 会后N天内报备案: the days after the meeting within which the rectification list is filed upward. */
    @Min(1)
    @Max(365)
    private int filingDays = 15;

    /** The day it was filed with the superior committee; empty until then. */
    private LocalDate filedOn;

    /** 班子成员 who attended, with the position they held then. */
    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<MeetingAttendee> attendees = new ArrayList<>();

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

    public List<MeetingAttendee> getAttendees() {
        return attendees;
    }

    /** One attendee's place in the list: who, in which position, with which duties. */
    public record Attendance(Person person, Position position, String duties) {
    }

    /**
     * Replaces the attendee list, keeping the rows of people who stay (a person is never removed and added again in
     * one flush, which the unique key would refuse).
     */
    public void setAttendance(List<Attendance> list) {
        Map<Long, MeetingAttendee> existing = new HashMap<>();
        attendees.forEach(a -> existing.put(a.getPerson().getId(), a));
        List<MeetingAttendee> next = new ArrayList<>();
        int order = 0;
        for (Attendance a : list) {
            MeetingAttendee row = existing.remove(a.person().getId());
            if (row == null) {
                row = new MeetingAttendee(this, a.person(), a.position(), a.duties(), order);
            } else {
                row.update(a.position(), a.duties(), order);
            }
            next.add(row);
            order += 10;
        }
        attendees.retainAll(next);
        for (MeetingAttendee row : next) {
            if (!attendees.contains(row)) {
                attendees.add(row);
            }
        }
        attendees.sort(java.util.Comparator.comparingInt(MeetingAttendee::getSortOrder));
    }

    /** Office edits of the meeting's facts. */
    public void edit(String title, MeetingKind kind, Unit organization, int year, LocalDate heldOn, String theme,
            String guidanceGroup, int opinionsCount, int criticismsCount, int filingDays) {
        this.title = title;
        this.kind = kind;
        this.organization = organization;
        this.year = year;
        this.heldOn = heldOn;
        this.theme = theme;
        this.guidanceGroup = guidanceGroup;
        this.opinionsCount = opinionsCount;
        this.criticismsCount = criticismsCount;
        this.filingDays = filingDays;
    }

    public int getFilingDays() {
        return filingDays;
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public void setFiledOn(LocalDate filedOn) {
        this.filedOn = filedOn;
    }

    /** The last day for filing the rectification list with the superior committee. */
    public LocalDate filingDueOn() {
        return heldOn.plusDays(filingDays);
    }

    @Override
    public String toString() {
        return title;
    }
}
