package org.rectify.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.security.LoginEvent;
import org.rectify.security.LoginThrottle;
import org.rectify.security.Role;
import org.rectify.security.UserAccount;
import org.rectify.security.UserAccountRepository;
import org.rectify.testing.Karibu;
import org.rectify.testing.LedgerFixture;
import org.rectify.testing.Refusal;
import org.rectify.testing.SetupH2Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** 用户管理 shows a login locked by wrong passwords and lifts the lock; 登录日志 lists the attempts (office only). */
@SetupH2Test
class LoginAdminViewsTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerFixture fixture;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    UserAccountRepository accounts;

    @BeforeEach
    void setUp() {
        fixture.ensure();
        if (accounts.findByUsername("locked-li").isEmpty()) {
            accounts.save(new UserAccount("locked-li", "x", "李锁定", Role.MEMBER, null, null));
        }
        for (int i = 0; i < 5; i++) {
            throttle.failed("locked-li", "192.0.2.44");
        }
    }

    @AfterEach
    void tearDown() {
        Karibu.stop();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    @Test
    void theOfficeSeesTheLockedLoginAndUnlocksIt() {
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
        UI.getCurrent().navigate(UsersView.class);
        Grid<UserAccount> users = grid("users-grid");
        int row = IntStream.range(0, GridKt._size(users))
                .filter(i -> GridKt._get(users, i).getUsername().equals("locked-li")).findFirst().orElseThrow();
        assertThat(GridKt._getFormatted(users, row, "state")).startsWith("已锁定（至 ");

        _click(_get(GridKt._getCellComponent(users, row, "actions"), Button.class,
                spec -> spec.withId("unlock-locked-li")));

        assertThat(GridKt._getFormatted(users, row, "state")).isEqualTo("正常");
        assertThat(accounts.findByUsername("locked-li").orElseThrow().getFailedLogins()).isZero();
    }

    @Test
    void theLoginLogListsTheAttemptsNewestFirstAndFiltersThem() {
        throttle.succeeded("t-office", "192.0.2.45");
        fixture.login(LedgerFixture.OFFICE);
        Karibu.start(context);
        UI.getCurrent().navigate(LoginLogView.class);
        Grid<LoginEvent> log = grid("login-log-grid");
        assertThat(GridKt._get(log, 0).getUsername()).isEqualTo("t-office");
        assertThat(GridKt._getFormattedRow(log, 0)).contains("192.0.2.45", "登录成功");

        @SuppressWarnings("unchecked")
        Select<LoginEvent.Outcome> outcome = _get(Select.class, spec -> spec.withId("login-log-outcome"));
        outcome.setValue(LoginEvent.Outcome.FAILURE);
        assertThat(IntStream.range(0, Math.min(GridKt._size(log), 20)).mapToObj(i -> GridKt._get(log, i)))
                .isNotEmpty().allMatch(e -> e.getOutcome() == LoginEvent.Outcome.FAILURE);
    }

    @Test
    void aUnitContactIsRefusedBothPages() {
        fixture.login(LedgerFixture.CONTACT_A);
        Karibu.start(context);
        UI.getCurrent().navigate(LoginLogView.class);
        Refusal.assertRefused();
        UI.getCurrent().navigate(UsersView.class);
        Refusal.assertRefused();
    }
}
