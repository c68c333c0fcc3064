package org.rectify.meeting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.base.domain.AbstractEntity;
import org.rectify.org.Person;
import org.rectify.org.Position;

/**
 * A member of the team at a meeting, with the position held then (people change posts; the meeting's record must
 * not) and their duties for the 岗位职责清单.
 */
@Entity
@Table(name = "meeting_attendee")
public class MeetingAttendee extends AbstractEntity {

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Position position;

    /** 岗位职责 / 分管工作. */
    @Size(max = 2000)
    private String duties;

    private int sortOrder;

    protected MeetingAttendee() {
    }

    MeetingAttendee(Meeting meeting, Person person, Position position, String duties, int sortOrder) {
        this.meeting = meeting;
        this.person = person;
        this.position = position;
        this.duties = duties;
        this.sortOrder = sortOrder;
    }

    void update(Position position, String duties, int sortOrder) {
        this.position = position;
        this.duties = duties;
        this.sortOrder = sortOrder;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public Person getPerson() {
        return person;
    }

    public Position getPosition() {
        return position;
    }

    public String getDuties() {
        return duties;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
