package org.rectify.base.ui.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.rectify.base.ui.i18n.LocaleSelection;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The few errors that happen outside Vaadin's pages (a stale file download link, a mistyped static address): the
 * portal's own page in the user's language ({@code templates/error.html}) instead of Spring's "Whitelabel Error
 * Page", without a stack trace. Vaadin's routes have their own pages next to this class.
 */
@Component
public class WebErrorPages implements ErrorViewResolver {

    private final RectifyI18NProvider texts;

    public WebErrorPages(RectifyI18NProvider texts) {
        this.texts = texts;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Locale locale = LocaleSelection.fromCookies(request.getCookies());
        String kind = switch (status) {
            case NOT_FOUND, GONE -> "notFound";
            case FORBIDDEN, UNAUTHORIZED -> "refused";
            default -> "failure";
        };
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        page.put("lang", locale.toLanguageTag());
        page.put("appName", texts.getTranslation("app.name", locale));
        page.put("title", texts.getTranslation("webError." + kind + ".title", locale));
        page.put("text", texts.getTranslation("webError." + kind + ".text", locale));
        page.put("home", texts.getTranslation("webError.home", locale));
        return new ModelAndView("error", page, status);
    }
}
