package org.rectify.security;

import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads logins from the {@code app_user} table. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Today today;

    AccountUserDetailsService(UserAccountRepository accounts, Today today) {
        this.accounts = accounts;
        this.today = today;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount a = accounts.findByUsername(Texts.strip(username))
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return new RectifyUser(actorOf(a), a.getPasswordHash(), a.isEnabled(), a.isMustChangePassword(),
                a.isLocked(today.now()));
    }

    static Actor actorOf(UserAccount a) {
        return new Actor(a.getId(), a.getUsername(), a.getDisplayName(), a.getRole(),
                a.getPerson() == null ? null : a.getPerson().getId(),
                a.getUnit() == null ? null : a.getUnit().getId());
    }
}
