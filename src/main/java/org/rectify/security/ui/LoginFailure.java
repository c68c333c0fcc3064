package org.rectify.security.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A failed login goes back to the form with the login name as typed (never the password), so that a mistyped
 * password does not also cost retyping the name. The answer is the same whether the login exists or not.
 */
public class LoginFailure extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute {@link LoginPage} reads once, to fill the name in again. */
    static final String TYPED_NAME = LoginFailure.class.getName() + ".name";
    private static final int MAX_NAME = 100;

    public LoginFailure(String failureUrl) {
        super(failureUrl);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        String name = request.getParameter("username");
        if (name != null) {
            // The session exists already (the form's token); the default handler below also keeps the failure there.
            HttpSession session = request.getSession();
            name = name.strip();
            session.setAttribute(TYPED_NAME, name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
        }
        super.onAuthenticationFailure(request, response, exception);
    }
}
