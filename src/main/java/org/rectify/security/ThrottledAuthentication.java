package org.rectify.security;

import org.rectify.security.LoginEvent.Outcome;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Password login with {@link LoginThrottle}'s rules around it. Every refusal reaches the user as the same "wrong
 * username or password" page, so that nobody learns whether a login exists, is locked or disabled; and a locked or
 * disabled login is recognised only after its password has been checked, so that it answers as slowly as any other.
 */
@Component
class ThrottledAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthentication(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.throttle = throttle;
        passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> { });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : "";
        if (throttle.addressBlocked(address)) {
            throttle.refused(username, address, Outcome.THROTTLED);
            throw new LockedException("too many failed logins from " + address);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            return result;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        } catch (LockedException e) {
            throttle.refused(username, address, Outcome.LOCKED);
            throw e;
        } catch (DisabledException e) {
            throttle.refused(username, address, Outcome.DISABLED);
            throw e;
        } catch (AuthenticationException e) {
            throttle.refused(username, address, Outcome.FAILURE);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
