package org.rectify.security.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rectify.base.ui.i18n.LocaleSelection;
import org.rectify.base.ui.i18n.RectifyI18NProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 登录: a plain server-rendered form ({@code templates/login.html}) posting to Spring Security with its CSRF token.
 * It is the first page everybody opens, so it loads no JavaScript at all: the Vaadin client starts downloading only
 * for the page after it.
 */
@Controller
class LoginPage {

    private static final List<String> KEYS = List.of("app.name", "login.title", "login.tagline",
            "login.username", "login.password", "login.submit", "login.error.title", "login.error.message",
            "login.demoHint", "nav.language");

    private final RectifyI18NProvider texts;
    private final boolean demo;

    LoginPage(RectifyI18NProvider texts, @Value("${rectify.demo-data:false}") boolean demo) {
        this.texts = texts;
        this.demo = demo;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, HttpServletResponse response, Model model,
            @RequestParam(name = "lang", required = false) String lang) {
        if (lang != null) {
            // Chosen on this page: remembered for every later page, and the address stays clean.
            response.addCookie(LocaleSelection.cookie(Locale.forLanguageTag(lang)));
            return "redirect:/login" + (request.getParameter("error") != null ? "?error" : "");
        }
        Locale locale = LocaleSelection.fromCookies(request.getCookies());
        model.addAttribute("lang", locale.toLanguageTag());
        model.addAttribute("english", locale.equals(RectifyI18NProvider.ENGLISH));
        boolean error = request.getParameter("error") != null;
        model.addAttribute("error", error);
        // After a failure, the name as typed (once): the form asks only for the password again.
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object typed = session.getAttribute(LoginFailure.TYPED_NAME);
            session.removeAttribute(LoginFailure.TYPED_NAME);
            if (error && typed instanceof String name && !name.isEmpty()) {
                model.addAttribute("username", name);
            }
        }
        model.addAttribute("demo", demo);
        Map<String, String> t = new HashMap<>();
        for (String key : KEYS) {
            t.put(key, texts.getTranslation(key, locale));
        }
        model.addAttribute("t", t);
        return "login";
    }
}
