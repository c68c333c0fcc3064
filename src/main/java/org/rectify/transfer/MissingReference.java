package org.rectify.transfer;

import java.util.List;
import org.rectify.base.domain.Labelled;

/** A name the sheet uses that the portal does not know yet: created on import only when the office says so. */
public record MissingReference(Kind kind, String name, List<Integer> rows) {

    public enum Kind implements Labelled {
        UNIT, LEADER, CATEGORY, PERSON;

        @Override
        public String messagePrefix() {
            return "import.missing";
        }
    }
}
