package org.rectify.base.ui.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.base.ui.UserErrors;
import org.springframework.security.access.AccessDeniedException;
import org.rectify.base.ui.component.AppIcon;

/** A service refused what a page needed (an item outside the user's scope): the service's reason, the way back. */
@PermitAll
public class RefusedItemPage extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        show(AppIcon.LOCK, "error.refused.title", UserErrors.text(this, parameter.getException()), null);
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
