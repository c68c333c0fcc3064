package org.rectify.dashboard.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import java.io.Serializable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.rectify.base.ui.RouteScriptPrefetch;
import org.rectify.dashboard.DashboardService;
import org.rectify.dashboard.DashboardService.Dashboard;
import org.rectify.ledger.LedgerFilter;
import org.rectify.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Starts the dashboard's queries when the browser asks for the page that will show it, not when it asks for the
 * view. Between the two the browser loads and starts Vaadin's client (about 0.8 s on a busy 2-core machine) while
 * the server sits idle; the dashboard's queries (about 0.1 s at 100,000 measures) then ran only after that, with the
 * user waiting. Now they run during it, as the user, and the view takes the result if it asks for the same
 * selection soon after; otherwise it queries as before. Only the default selection (a plain address) is started.
 */
@Component
public class DashboardPreload implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DashboardPreload.class);
    /** Older than this, a preloaded dashboard is not shown: the page was opened and left, or reloaded much later. */
    static final Duration FRESH = Duration.ofSeconds(10);

    private final DashboardService dashboard;
    private final CurrentUser currentUser;
    private final RouteScriptPrefetch routes;
    private final Executor executor;

    public DashboardPreload(DashboardService dashboard, CurrentUser currentUser, RouteScriptPrefetch routes,
            @Qualifier("applicationTaskExecutor") Executor executor) {
        this.dashboard = dashboard;
        this.currentUser = currentUser;
        this.routes = routes;
        this.executor = executor;
    }

    /** One started load per session, in the session; nothing of it is kept if the session is saved and restored. */
    static final class Started implements Serializable {
        final transient LedgerFilter filter;
        final long startedAt;
        final transient CompletableFuture<Dashboard> result;

        Started(LedgerFilter filter, long startedAt, CompletableFuture<Dashboard> result) {
            this.filter = filter;
            this.startedAt = startedAt;
            this.result = result;
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        event.addIndexHtmlRequestListener(response -> onPageRequested(service, response));
    }

    private void onPageRequested(VaadinService service, IndexHtmlResponse response) {
        boolean plainAddress = response.getVaadinRequest().getParameterMap().isEmpty();
        String path = Optional.ofNullable(response.getVaadinRequest().getPathInfo()).orElse("");
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && opensDefaultDashboard(service, path, plainAddress)) {
            start(session);
        }
    }

    /** A signed-in user's page that opens on the dashboard's default selection (the root, for most roles). */
    boolean opensDefaultDashboard(VaadinService service, String path, boolean plainAddress) {
        return plainAddress && currentUser.find().isPresent()
                && routes.view(service, path.replaceFirst("^/", "")).filter(DashboardView.class::equals).isPresent();
    }

    /** Starts the default selection's dashboard for the current user; the session must be locked. */
    void start(VaadinSession session) {
        LedgerFilter selection = dashboard.defaultSelection();
        SecurityContext security = SecurityContextHolder.getContext();
        CompletableFuture<Dashboard> result = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return dashboard.load(selection);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor);
        session.setAttribute(Started.class, new Started(selection.copy(), System.currentTimeMillis(), result));
    }

    /**
     * The dashboard started for this session, if it is for {@code filter} and fresh; taken once. A load that failed
     * is not an answer: the view then queries itself and reports what goes wrong as usual.
     */
    Optional<Dashboard> take(VaadinSession session, LedgerFilter filter) {
        Started started = session.getAttribute(Started.class);
        if (started == null) {
            return Optional.empty();
        }
        session.setAttribute(Started.class, null);
        if (started.result == null || !started.filter.equals(filter)
                || System.currentTimeMillis() - started.startedAt > FRESH.toMillis()) {
            return Optional.empty();
        }
        try {
            return Optional.of(started.result.get(FRESH.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            log.debug("Preloaded dashboard not used", e);
            return Optional.empty();
        }
    }
}
