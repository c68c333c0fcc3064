package org.rectify.base.ui.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.rectify.base.UserMessage;
import org.rectify.base.ui.UserErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.rectify.base.ui.component.AppIcon;

/**
 * A page failed to open. A refusal the rules explain (a message for the user) is shown as such; anything else is
 * logged with the time the user sees, so the office can report it and the log can be searched.
 */
@PermitAll
public class FailurePage extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(FailurePage.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        Exception e = parameter.getException();
        if (e instanceof UserMessage) {
            show(AppIcon.INFO_CIRCLE_O, "error.cannotOpen.title", UserErrors.text(this, e), null);
            return HttpServletResponse.SC_BAD_REQUEST;
        }
        String at = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        log.error("Page /{} failed to open (shown to the user at {})", event.getLocation().getPath(), at, e);
        show(AppIcon.WARNING, "error.failed.title", getTranslation("error.failed.text"),
                getTranslation("error.failed.detail", at));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
