package org.rectify.mail;

import org.rectify.base.Texts;
import org.rectify.org.Person;

/** Who gets a mail; {@code email} may be missing, which the office is told about. */
public record Recipient(Long personId, String name, String email) {

    static Recipient of(Person p) {
        return new Recipient(p.getId(), p.getName(), Texts.orNull(p.getEmail()));
    }

    boolean hasAddress() {
        return !Texts.isBlank(email);
    }
}
