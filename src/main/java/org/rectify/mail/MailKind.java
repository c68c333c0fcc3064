package org.rectify.mail;

import org.rectify.base.domain.Labelled;

/** What a mail is about. */
public enum MailKind implements Labelled {
    DIGEST, ESCALATION, WEEKLY, RETURNED, EXTENSION_DECIDED, CLOSE_REQUESTED, MISSING_ADDRESS, EXTENSION_REQUESTED;

    @Override
    public String messagePrefix() {
        return "mailKind";
    }
}
