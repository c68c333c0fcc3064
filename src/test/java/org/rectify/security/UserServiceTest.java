package org.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.base.InvalidActionException;
import org.rectify.base.NotAllowedException;
import org.rectify.testing.WorkflowH2Test;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.TestLogin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The office administers logins; nobody else can; passwords are bcrypt hashes. */
@WorkflowH2Test
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    UserDetailsService details;

    @AfterEach
    void logout() {
        TestLogin.logout();
    }

    @Test
    void theOfficeCreatesDisablesAndResetsLogins() {
        fixture.login(LedgerFixture.OFFICE);
        UserAccount created = users.create(new UserService.UserDraft("zhangsan", "张三", Role.UNIT_CONTACT, null,
                fixture.id(LedgerFixture.B)), "initial-pass");
        assertThat(created.getPasswordHash()).startsWith("$2").isNotEqualTo("initial-pass");
        assertThat(encoder.matches("initial-pass", created.getPasswordHash())).isTrue();
        assertThat(details.loadUserByUsername("zhangsan").getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_UNIT_CONTACT");

        UserAccount disabled = users.setEnabled(created.getId(), created.getVersion(), false);
        assertThat(details.loadUserByUsername("zhangsan").isEnabled()).isFalse();
        String password = users.resetPassword(disabled.getId(), accounts.findById(disabled.getId()).orElseThrow()
                .getVersion());
        assertThat(password).hasSize(12);
        assertThat(encoder.matches(password, accounts.findById(created.getId()).orElseThrow().getPasswordHash()))
                .isTrue();
    }

    @Autowired
    org.springframework.security.core.session.SessionRegistry registry;

    @Test
    void changingOrDisablingALoginEndsItsOpenSessions() {
        fixture.login(LedgerFixture.OFFICE);
        UserAccount u = users.create(new UserService.UserDraft("session-user", "会话", Role.UNIT_CONTACT, null,
                fixture.id(LedgerFixture.A)), "initial-pass");
        RectifyUser principal = (RectifyUser) details.loadUserByUsername("session-user");
        registry.registerNewSession("s-1", principal);
        users.update(u.getId(), u.getVersion(), new UserService.UserDraft("session-user", "会话", Role.UNIT_CONTACT,
                null, fixture.id(LedgerFixture.B)));
        assertThat(registry.getSessionInformation("s-1").isExpired()).as("moved to another unit").isTrue();

        registry.registerNewSession("s-2", principal);
        UserAccount now = accounts.findByUsername("session-user").orElseThrow();
        users.setEnabled(now.getId(), now.getVersion(), false);
        assertThat(registry.getSessionInformation("s-2").isExpired()).as("disabled").isTrue();
    }

    @Test
    void badInputIsRefusedWithReasons() {
        fixture.login(LedgerFixture.OFFICE);
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("lisi", "李四", Role.UNIT_CONTACT, null,
                null), "long-enough")).isInstanceOf(InvalidActionException.class).hasMessage("user.unitRequired");
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("wangwu", "王五", Role.LEADER, null,
                null), "long-enough")).isInstanceOf(InvalidActionException.class).hasMessage("user.personRequired");
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("bad name!", "某", Role.MEMBER, null,
                null), "long-enough")).isInstanceOf(InvalidActionException.class)
                .hasMessage("user.usernamePattern");
        assertThatThrownBy(() -> users.create(new UserService.UserDraft("short", "某", Role.MEMBER, null, null),
                "123")).isInstanceOf(InvalidActionException.class).hasMessage("user.passwordTooShort");
        assertThatThrownBy(() -> users.create(new UserService.UserDraft(LedgerFixture.CONTACT_A, "重名",
                Role.MEMBER, null, null), "long-enough")).isInstanceOf(InvalidActionException.class)
                .hasMessage("user.exists");
        UserAccount self = accounts.findByUsername(LedgerFixture.OFFICE).orElseThrow();
        assertThatThrownBy(() -> users.setEnabled(self.getId(), self.getVersion(), false))
                .isInstanceOf(InvalidActionException.class).hasMessage("user.cannotDisableSelf");
    }

    @Test
    void onlyTheOfficeAdministersLogins() {
        for (String login : new String[] {LedgerFixture.CONTACT_A, LedgerFixture.LEADER_SECRETARY,
                LedgerFixture.PARTY_MEMBER}) {
            fixture.login(login);
            assertThatThrownBy(() -> users.list()).as(login).isInstanceOf(NotAllowedException.class);
            assertThatThrownBy(() -> users.create(new UserService.UserDraft("x" + login, "某", Role.OFFICE, null,
                    null), "long-enough")).isInstanceOf(NotAllowedException.class);
        }
    }
}
