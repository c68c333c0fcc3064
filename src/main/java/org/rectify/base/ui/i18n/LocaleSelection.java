package org.rectify.base.ui.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The UI speaks Chinese unless the user chose English with the language switch; the choice is kept in a cookie.
 * The browser's Accept-Language is deliberately ignored: office PCs often run English browsers.
 */
@Component
public class LocaleSelection implements VaadinServiceInitListener {

    static final String COOKIE = "rectify-lang";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setLocale(fromRequest(e.getRequest())));
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(e.getUI().getSession().getLocale()));
    }

    static Locale fromRequest(VaadinRequest request) {
        return fromCookies(request == null ? null : request.getCookies());
    }

    /** The remembered language among a request's cookies; Chinese when there is none. */
    public static Locale fromCookies(Cookie[] cookies) {
        if (cookies == null) {
            return RectifyI18NProvider.CHINESE;
        }
        return Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> Locale.forLanguageTag(c.getValue()))
                .map(RectifyI18NProvider::supported)
                .orElse(RectifyI18NProvider.CHINESE);
    }

    /** Switches the session's language and remembers it for a year. The caller reloads the page. */
    public static void choose(Locale locale) {
        Locale chosen = RectifyI18NProvider.supported(locale);
        VaadinSession.getCurrent().setLocale(chosen);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            response.addCookie(cookie(chosen));
        }
    }

    /** The cookie that remembers a language for a year (also set by the login page, outside Vaadin). */
    public static Cookie cookie(Locale locale) {
        Cookie cookie = new Cookie(COOKIE, RectifyI18NProvider.supported(locale).toLanguageTag());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
