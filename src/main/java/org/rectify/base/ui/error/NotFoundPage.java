package org.rectify.base.ui.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.base.ui.component.AppIcon;

/** No page at this address (a mistyped or outdated link): said plainly, without listing the portal's routes. */
@PermitAll
public class NotFoundPage extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(AppIcon.QUESTION_CIRCLE_O, "error.notFound.title", getTranslation("error.notFound.text"),
                "/" + event.getLocation().getPath());
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
