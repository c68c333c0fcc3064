package org.rectify.ledger.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.rectify.ledger.EvidenceStaging;
import org.springframework.stereotype.Component;

/**
 * Each browser session stages its uploads under a token of its own; when the session ends (logout, time-out,
 * shutdown) whatever it still had waiting is deleted, even an upload that finished after its dialog was gone.
 */
@Component
class EvidenceStagingSessions implements VaadinServiceInitListener {

    private static final String OWNER = EvidenceStagingSessions.class.getName() + ".owner";

    private final EvidenceStaging staging;

    EvidenceStagingSessions(EvidenceStaging staging) {
        this.staging = staging;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            if (e.getSession().getAttribute(OWNER) instanceof String owner) {
                staging.discardOwner(owner);
            }
        });
    }

    /** The session's staging token, made on its first upload form; call with the session locked. */
    static String owner(VaadinSession session) {
        String owner = (String) session.getAttribute(OWNER);
        if (owner == null) {
            owner = EvidenceStaging.newOwner();
            session.setAttribute(OWNER, owner);
        }
        return owner;
    }
}
