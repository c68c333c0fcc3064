package org.rectify.testing;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import kotlin.jvm.functions.Function0;
import org.springframework.context.ApplicationContext;

/** Browserless Vaadin for view tests: the real views and Spring beans, the logged-in user of {@link TestLogin}. */
public final class Karibu {

    private static final Routes ROUTES = routes();

    /**
     * The portal's views and its refusal and not-found pages; not its catch-all failure page, so that an
     * unexpected exception while opening a view fails the test instead of showing as a page.
     */
    private static Routes routes() {
        Routes routes = new Routes().autoDiscoverViews("org.rectify");
        routes.getErrorRoutes().remove(org.rectify.base.ui.error.FailurePage.class);
        return routes;
    }

    private Karibu() {
    }

    /** Starts a UI; log the user in first ({@link LedgerFixture#login}). */
    public static void start(ApplicationContext context) {
        TestLogin.bridgeToKaribu();
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    public static void stop() {
        MockVaadin.tearDown();
        TestLogin.logout();
    }
}
