package org.rectify.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Arrays;
import org.rectify.base.MessageKey;
import org.rectify.base.StaleDataException;
import org.rectify.base.UserMessage;
import org.rectify.base.domain.Labelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.ObjectOptimisticLockingFailureException;


/**
 * Turns what the services refuse into messages a user understands, in their language; anything unexpected is
 * logged and shown as a short apology instead of a stack trace.
 */
@org.springframework.stereotype.Component
public class UserErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UserErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(error -> {
            Throwable t = error.getThrowable();
            if (clientGone(t)) {
                // The browser closed or navigated away while its answer was being written: nobody to tell.
                log.debug("Client went away during a response", t);
                return;
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                show(ui, t);
            } else {
                log.error("Unhandled error outside a UI", t);
            }
        }));
    }

    /** Whether the error only says that the browser stopped listening (Tomcat's ClientAbortException, a broken pipe). */
    static boolean clientGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getSimpleName().equals("ClientAbortException")
                    || c instanceof java.io.IOException && c.getMessage() != null
                    && (c.getMessage().contains("Broken pipe") || c.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    /** Shows the error as a notification; returns the text shown. */
    public static String show(Component owner, Throwable t) {
        String text = text(owner, t);
        Notification n = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return text;
    }

    /** The user-facing text of an error. */
    public static String text(Component owner, Throwable t) {
        Throwable cause = t;
        while (cause != null) {
            if (cause instanceof UserMessage m) {
                return translate(owner, m.messageKey(), m.messageArgs());
            }
            if (cause instanceof ObjectOptimisticLockingFailureException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                return translate(owner, new StaleDataException().messageKey());
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        log.error("Unexpected error", t);
        return owner.getTranslation("error.unexpected");
    }

    /** Translates a key whose arguments may themselves be keys or labelled codes. */
    public static String translate(Component owner, String key, Object... args) {
        Object[] translated = Arrays.stream(args).map(a -> {
            if (a instanceof MessageKey k) {
                return owner.getTranslation(k.key());
            }
            if (a instanceof Labelled l) {
                return owner.getTranslation(l.messageKey());
            }
            if (a instanceof java.time.LocalDate d) {
                return d.toString();
            }
            return a;
        }).toArray();
        return owner.getTranslation(key, translated);
    }
}
