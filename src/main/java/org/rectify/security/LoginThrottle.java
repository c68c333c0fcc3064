package org.rectify.security;

import java.time.LocalDateTime;
import org.rectify.base.Texts;
import org.rectify.base.Today;
import org.rectify.security.LoginEvent.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The login rules: a login is locked for a while after too many wrong passwords in a row, a client address is held
 * back after too many failures within a window, and every attempt is written to the login log (登录日志). The state
 * lives in the database, so that several instances count together.
 */
@Service
@Transactional
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_USERNAME = 100;
    private static final int MAX_ADDRESS = 64;

    private final UserAccountRepository accounts;
    private final LoginEventRepository events;
    private final LoginProperties properties;
    private final Today today;

    LoginThrottle(UserAccountRepository accounts, LoginEventRepository events, LoginProperties properties,
            Today today) {
        this.accounts = accounts;
        this.events = events;
        this.properties = properties;
        this.today = today;
    }

    /** Too many failures from this address lately: it may not try again before the window has passed. */
    @Transactional(readOnly = true)
    public boolean addressBlocked(String address) {
        LocalDateTime since = today.now().minus(properties.addressWindow());
        return events.countByAddressAndOutcomeAndAtAfter(clip(address, MAX_ADDRESS), Outcome.FAILURE, since)
                >= properties.maxFailuresPerAddress();
    }

    /** A wrong password (or a login that does not exist): counted, and the login locked once there are too many. */
    public void failed(String username, String address) {
        Long id = record(username, address, Outcome.FAILURE);
        if (id != null) {
            accounts.countFailure(id);
            if (accounts.lockIfReached(id, properties.maxFailures(),
                    today.now().plus(properties.lockDuration())) > 0) {
                log.warn("login {} locked for {} after {} wrong passwords (last from {})", clip(username,
                        MAX_USERNAME), properties.lockDuration(), properties.maxFailures(), address);
            }
        }
    }

    public void succeeded(String username, String address) {
        Long id = record(username, address, Outcome.SUCCESS);
        if (id != null) {
            accounts.clearFailures(id);
        }
    }

    /** An attempt refused before or regardless of its password: logged, not counted. */
    public void refused(String username, String address, Outcome outcome) {
        record(username, address, outcome);
    }

    /** The office lifts a lock before its time (用户管理 › 解锁). */
    void unlock(long accountId) {
        accounts.clearFailures(accountId);
    }

    private Long record(String username, String address, Outcome outcome) {
        String name = clip(Texts.strip(username), MAX_USERNAME);
        Long id = name.isEmpty() ? null : accounts.findIdByUsername(name).orElse(null);
        events.save(new LoginEvent(today.now(), name, id, clip(address, MAX_ADDRESS), outcome));
        return id;
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
