package org.rectify.ledger;

import org.rectify.base.NotAllowedException;
import org.rectify.org.OrgService;
import org.rectify.org.Unit;
import org.rectify.security.Actor;
import org.rectify.security.Role;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what on the ledger — the one place these rules live. Services call it on every read and
 * every change, so a hidden button is a convenience, never the protection.
 */
@Component
public class LedgerAccess {

    private final OrgService org;

    public LedgerAccess(OrgService org) {
        this.org = org;
    }

    /**
     * The unit path the actor's ledger is limited to ("/1/4/" = that unit and its sub-units), or {@code null} for
     * the whole ledger. Members do not see the ledger at all.
     */
    public String scopePath(Actor actor) {
        return switch (actor.role()) {
            case OFFICE, LEADER -> null;
            case UNIT_CONTACT -> org.findUnit(actor.unitId() == null ? -1 : actor.unitId()).map(Unit::getPath)
                    .orElseThrow(() -> new NotAllowedException("access.noUnit"));
            case MEMBER -> throw new NotAllowedException("access.memberNoLedger");
        };
    }

    public boolean canSee(Actor actor, Measure m) {
        String scope = scopePath(actor);
        return scope == null || m.getUnit().getPath().startsWith(scope);
    }

    /**
     * Refuses an item outside the actor's scope without naming its unit: the refusal must read the same as for an id
     * that does not exist (see {@link #unavailable}), or a contact could learn which unit owns every id.
     */
    public void checkCanSee(Actor actor, Measure m) {
        if (!canSee(actor, m)) {
            throw unavailable(m.getId());
        }
    }

    /** The one refusal for an item a scoped user may not open, whether or not it exists. */
    public NotAllowedException unavailable(long measureId) {
        return new NotAllowedException("access.itemUnavailable", String.valueOf(measureId));
    }

    /** Report progress, apply for closing, ask for an extension: the unit's contact, the leading member, the office. */
    public boolean canReport(Actor actor, Measure m) {
        return switch (actor.role()) {
            case OFFICE -> true;
            case UNIT_CONTACT -> canSee(actor, m);
            case LEADER -> leads(actor, m);
            case MEMBER -> false;
        };
    }

    /** Close, send back, decide extensions, create and edit problems: the party office. */
    public boolean canVerify(Actor actor) {
        return actor.is(Role.OFFICE);
    }

    /** Record an urging (督办): the office on any item, a leader on the items they lead. */
    public boolean canUrge(Actor actor, Measure m) {
        return actor.is(Role.OFFICE) || actor.is(Role.LEADER) && leads(actor, m);
    }

    private static boolean leads(Actor actor, Measure m) {
        return actor.personId() != null && actor.personId().equals(m.getLeader().getId());
    }
}
