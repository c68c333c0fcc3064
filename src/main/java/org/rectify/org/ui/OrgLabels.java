package org.rectify.org.ui;

import org.rectify.org.Person;
import org.rectify.org.Unit;

/** How units and people read in pickers: units indented by their depth in the tree. */
public final class OrgLabels {

    private OrgLabels() {
    }

    public static String indented(Unit u) {
        return "\u3000".repeat(Math.max(0, u.getDepth())) + u.getName();
    }

    public static String person(Person p) {
        return p.getName() + "（" + p.getUnit().getName() + "）";
    }
}
