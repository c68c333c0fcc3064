package org.rectify.mail;

import org.rectify.org.Person;

/** Who gets a mail; {@code email} may be missing, which the office is told about. */
public record Recipient(Long personId, String name, String email) {

    static Recipient of(Person p) {
        return new Recipient(p.getId(), p.getName(), p.getEmail() == null || p.getEmail().isBlank() ? null
                : p.getEmail().trim());
    }

    boolean hasAddress() {
        return email != null && !email.isBlank();
    }
}
