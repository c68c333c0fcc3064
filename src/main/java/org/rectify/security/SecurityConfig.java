package org.rectify.security;

import com.vaadin.flow.spring.security.VaadinDefaultRequestCache;
import com.vaadin.flow.spring.security.VaadinWebSecurity;
import org.rectify.security.ui.LoginFailure;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login through a plain server-rendered page, throttled ({@link ThrottledAuthentication}), with its CSRF token;
 * a Content-Security-Policy on every response; every view declares who may open it ({@code @RolesAllowed},
 * {@code @PermitAll}, {@code @AnonymousAllowed}); passwords are bcrypt hashes.
 */
@EnableWebSecurity
@Configuration
class SecurityConfig extends VaadinWebSecurity {

    /**
     * Only this server's own scripts, styles, pictures and connections; no framing, no plug-ins, forms post here.
     * Vaadin needs inline scripts and styles and script evaluation ({@code executeJs}), ApexCharts inline styles.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final VaadinDefaultRequestCache requestCache;

    SecurityConfig(VaadinDefaultRequestCache requestCache) {
        this.requestCache = requestCache;
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        // The page asked for before the login is saved and reopened after it. Spring Security 6 marks that
        // redirect with "?continue"; our pages read every parameter (the ledger's filters) and would report it as
        // unknown. Without the marker the cache is looked up on each request, as in Spring Security 5: one
        // session read.
        HttpSessionRequestCache saved = new HttpSessionRequestCache();
        saved.setMatchingRequestParameterName(null);
        requestCache.setDelegateRequestCache(saved);
        // The login page with any parameter (?lang=en): the form login's own permission covers "/login" and
        // "/login?error" exactly.
        http.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/login").permitAll());
        super.configure(http);
        // A path, not a Vaadin view: the login page is a plain form (templates/login.html), and unlike a view
        // class, a path does not exempt POST /login from the CSRF check.
        setLoginView(http, "/login");
        http.formLogin(form -> form.failureHandler(new LoginFailure("/login?error")));
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
        // Sessions are registered so that a changed, disabled or reset login can be logged out at once.
        http.sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessionRegistry()).expiredUrl("/login"));
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry when sessions end. */
    @Bean
    static ServletListenerRegistrationBean<HttpSessionEventPublisher> sessionEvents() {
        return new ServletListenerRegistrationBean<>(new HttpSessionEventPublisher());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
