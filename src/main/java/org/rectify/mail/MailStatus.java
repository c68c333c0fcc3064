package org.rectify.mail;

import org.rectify.base.domain.Labelled;

/**
 * Where a mail stands. SENDING is held only while one sender has claimed it; NO_SERVER and NO_ADDRESS are kept
 * for the office to see (and to send once a server or an address exists).
 */
public enum MailStatus implements Labelled {
    PENDING, SENDING, SENT, FAILED, NO_SERVER, NO_ADDRESS;

    @Override
    public String messagePrefix() {
        return "mailStatus";
    }
}
