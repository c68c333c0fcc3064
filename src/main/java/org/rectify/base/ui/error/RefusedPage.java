package org.rectify.base.ui.error;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.base.ui.component.AppIcon;

/**
 * A page the user's role may not open (a member typing a ledger address): said plainly, with the way back. Like
 * Vaadin's default it does not say whether anything exists at that address.
 */
@PermitAll
public class RefusedPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(AppIcon.LOCK, "error.refused.title", getTranslation("error.refused.text"), null);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
