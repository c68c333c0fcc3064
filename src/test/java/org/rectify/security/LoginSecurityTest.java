package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.NotAllowedException;
import org.rectify.security.LoginEvent.Outcome;
import org.rectify.testing.H2Test;
import org.rectify.testing.MutableClock;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The login form and its rules through Spring Security's real filter chain: the CSRF token is required, a login is
 * locked after too many wrong passwords (the right one then fails too, until the lock ends or the office lifts it),
 * an address that keeps failing is held back, every refusal looks the same, and every attempt is logged.
 */
@H2Test
@AutoConfigureMockMvc
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rectify-login-security;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "rectify.login.max-failures=5", "rectify.login.lock-duration=15m",
        "rectify.login.max-failures-per-address=8", "rectify.login.address-window=10m"})
class LoginSecurityTest {

    private static final String PASSWORD = "right-password-1";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void accounts() {
        jdbc.update("delete from login_event");
        jdbc.update("delete from app_user");
        accounts.save(new UserAccount("zhang", encoder.encode(PASSWORD), "张联络员", Role.MEMBER, null, null));
        accounts.save(new UserAccount("office1", encoder.encode(PASSWORD), "办公室", Role.OFFICE, null, null));
        clock.reset();
    }

    @AfterEach
    void logout() {
        TestLogin.logout();
        clock.reset();
    }

    private MvcResult login(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })).andReturn();
    }

    private static boolean loggedIn(MvcResult r) {
        return r.getResponse().getStatus() == 302 && !r.getResponse().getRedirectedUrl().contains("/login");
    }

    @Test
    void theLoginPageCarriesTheTokenAndAPostWithoutItIsRefused() throws Exception {
        String page = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"_csrf\"").contains("id=\"login-form\"").doesNotContain("<script");

        MvcResult forged = mvc.perform(post("/login").param("username", "zhang").param("password", PASSWORD))
                .andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
        assertThat(forged.getRequest().getSession(false) == null
                || forged.getRequest().getSession(false).getAttribute("SPRING_SECURITY_CONTEXT") == null)
                .as("no login without the token").isTrue();
        assertThat(loggedIn(login("zhang", PASSWORD, "10.1.1.1"))).isTrue();
    }

    @Test
    void aFailedLoginKeepsTheNameAsTypedAndAsksOnlyForThePassword() throws Exception {
        org.springframework.mock.web.MockHttpSession session = new org.springframework.mock.web.MockHttpSession();
        MvcResult failed = mvc.perform(post("/login").session(session).param("username", " zhang<b> ")
                .param("password", "not-the-password").with(csrf())).andReturn();
        assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        String page = mvc.perform(get("/login").queryParam("error", "").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).as("the name as typed, escaped; the password field focused, not the name")
                .contains("value=\"zhang&lt;b&gt;\"")
                .containsPattern("id=\"password\"[^>]*autofocus")
                .doesNotContainPattern("id=\"username\"[^>]*autofocus")
                .doesNotContain("not-the-password");

        String later = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(later).as("once only").doesNotContain("zhang").containsPattern("id=\"username\"[^>]*autofocus");
    }

    @Test
    void theLanguageChosenOnTheLoginPageIsRemembered() throws Exception {
        MvcResult choose = mvc.perform(get("/login").queryParam("lang", "en")).andReturn();
        assertThat(choose.getResponse().getRedirectedUrl()).endsWith("/login");
        jakarta.servlet.http.Cookie lang = choose.getResponse().getCookie("rectify-lang");
        assertThat(lang).isNotNull();
        assertThat(lang.getValue()).isEqualTo("en");
        String page = mvc.perform(get("/login").cookie(lang)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>Log in</h1>").contains("lang=\"en\"");
    }

    @Test
    void afterFiveWrongPasswordsTheRightOneIsRefusedUntilTheOfficeUnlocks() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(loggedIn(login("zhang", "guess-" + i, "10.1.1." + i))).isFalse();
        }
        MvcResult right = login("zhang", PASSWORD, "10.1.1.9");
        assertThat(loggedIn(right)).as("locked: the right password does not log in").isFalse();
        assertThat(right.getResponse().getRedirectedUrl())
                .as("the same answer as a wrong password: nothing tells that the login exists or is locked")
                .isEqualTo(login("nobody-here", PASSWORD, "10.1.1.9").getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");

        UserAccount zhang = accounts.findByUsername("zhang").orElseThrow();
        assertThat(users.isLocked(zhang)).isTrue();
        TestLogin.as(AccountUserDetailsService.actorOf(accounts.findByUsername("office1").orElseThrow()));
        users.unlock(zhang.getId());
        assertThat(users.isLocked(accounts.findByUsername("zhang").orElseThrow())).isFalse();
        assertThat(loggedIn(login("zhang", PASSWORD, "10.1.1.9"))).as("unlocked by the office").isTrue();
    }

    @Test
    void aLockEndsByItselfAndASuccessStartsTheCountAfresh() throws Exception {
        for (int i = 0; i < 4; i++) {
            login("zhang", "guess", "10.2.0.1");
        }
        assertThat(loggedIn(login("zhang", PASSWORD, "10.2.0.1"))).as("four failures do not lock").isTrue();
        for (int i = 0; i < 4; i++) {
            login("zhang", "guess", "10.2.0.2");
        }
        assertThat(loggedIn(login("zhang", PASSWORD, "10.2.0.2"))).as("the count started again").isTrue();

        for (int i = 0; i < 5; i++) {
            login("zhang", "guess", "10.2.0.3");
        }
        clock.advance(Duration.ofMinutes(14));
        assertThat(loggedIn(login("zhang", PASSWORD, "10.2.0.4"))).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(loggedIn(login("zhang", PASSWORD, "10.2.0.4"))).as("the lock has ended").isTrue();
    }

    @Test
    void anAddressThatKeepsFailingIsHeldBackWhateverLoginItTries() throws Exception {
        for (int i = 0; i < 8; i++) {
            login("user" + i, "guess", "203.0.113.7");
        }
        assertThat(loggedIn(login("office1", PASSWORD, "203.0.113.7"))).as("this address must wait").isFalse();
        assertThat(loggedIn(login("office1", PASSWORD, "198.51.100.2"))).as("others are not affected").isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(loggedIn(login("office1", PASSWORD, "203.0.113.7"))).as("the window has passed").isTrue();
    }

    @Test
    void everyAttemptIsLoggedForTheOfficeOnly() throws Exception {
        login("zhang", "guess", "10.3.0.1");
        login("zhang", PASSWORD, "10.3.0.2");
        login("ghost", "guess", "10.3.0.3");

        TestLogin.as(AccountUserDetailsService.actorOf(accounts.findByUsername("office1").orElseThrow()));
        List<LoginEvent> log = users.loginEvents(null, null, 0, 50);
        assertThat(log).extracting(LoginEvent::getUsername, LoginEvent::getAddress, LoginEvent::getOutcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ghost", "10.3.0.3", Outcome.FAILURE),
                        org.assertj.core.groups.Tuple.tuple("zhang", "10.3.0.2", Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("zhang", "10.3.0.1", Outcome.FAILURE));
        assertThat(log.get(1).getAccountId()).isEqualTo(accounts.findByUsername("zhang").orElseThrow().getId());
        assertThat(log.get(0).getAccountId()).isNull();
        assertThat(users.loginEvents("10.3.0.2", null, 0, 50)).hasSize(1);
        assertThat(users.loginEvents("ZHANG", Outcome.FAILURE, 0, 50)).hasSize(1);

        TestLogin.as(AccountUserDetailsService.actorOf(accounts.findByUsername("zhang").orElseThrow()));
        assertThatThrownBy(() -> users.loginEvents(null, null, 0, 50)).isInstanceOf(NotAllowedException.class);
        assertThatThrownBy(() -> users.unlock(1L)).isInstanceOf(NotAllowedException.class);
    }
}
