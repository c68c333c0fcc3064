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
import org.rectify.ledger.LedgerService;
import org.rectify.ledger.LedgerService.FilterOptions;
import org.rectify.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts what the dashboard shows first when the browser asks for the page that will show it, not when it asks for
 * the view. Between the two the browser loads and starts Vaadin's client (about 0.8 s on a busy 2-core machine)
 * while the server sits idle; the view's queries (about 0.1 s at 100,000 measures: the default selection, the
 * pickers' lists, the figures and the notices) then ran only after that, with the user waiting. Now they run during
 * it, as the user, in one read-only transaction, and the view takes the result if it comes soon after; otherwise it
 * queries as before. Only the default selection (a plain address) is started.
 */
@Component
public class DashboardPreload implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(DashboardPreload.class);
    /** Older than this, a preloaded dashboard is not shown: the page was opened and left, or reloaded much later. */
    static final Duration FRESH = Duration.ofSeconds(10);

    private final DashboardService dashboard;
    private final LedgerService ledger;
    private final CurrentUser currentUser;
    private final RouteScriptPrefetch routes;
    private final Executor executor;
    private final TransactionTemplate readOnly;

    public DashboardPreload(DashboardService dashboard, LedgerService ledger, CurrentUser currentUser,
            RouteScriptPrefetch routes, @Qualifier("applicationTaskExecutor") Executor executor,
            PlatformTransactionManager transactions) {
        this.dashboard = dashboard;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.routes = routes;
        this.executor = executor;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** What the view shows first for the default selection, as the user who asked for the page. */
    record FirstAnswer(LedgerFilter selection, FilterOptions options, Dashboard dashboard,
                       DashboardService.Notices notices) {
    }

    /** One started load per session, in the session; nothing of it is kept if the session is saved and restored. */
    static final class Started implements Serializable {
        final long startedAt;
        final transient CompletableFuture<FirstAnswer> result;

        Started(long startedAt, CompletableFuture<FirstAnswer> result) {
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

    /**
     * Starts the default selection's first answer for the current user; the session must be locked. Nothing is
     * queried here: index.html goes out at once.
     */
    void start(VaadinSession session) {
        start(session, FRESH);
    }

    /** {@code keep}: how long an answer nobody took stays in the session (tests shorten it). */
    void start(VaadinSession session, Duration keep) {
        SecurityContext security = SecurityContextHolder.getContext();
        CompletableFuture<FirstAnswer> result = CompletableFuture.supplyAsync(() -> {
            SecurityContextHolder.setContext(security);
            try {
                return readOnly.execute(tx -> {
                    LedgerFilter selection = dashboard.defaultSelection();
                    return new FirstAnswer(selection.copy(), ledger.filterOptions(), dashboard.load(selection),
                            dashboard.notices(selection));
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, executor);
        Started started = new Started(System.currentTimeMillis(), result);
        session.setAttribute(Started.class, started);
        // A user who goes elsewhere before the dashboard asks (a link, a bookmark) never takes it: without this the
        // answer (the pickers' 200 units, the figures) stayed in the session until it ended.
        CompletableFuture.delayedExecutor(keep.toMillis(), TimeUnit.MILLISECONDS, executor)
                .execute(() -> session.access(() -> {
                    if (session.getAttribute(Started.class) == started) {
                        session.setAttribute(Started.class, null);
                    }
                }));
    }

    /**
     * The first answer started for this session, if it is fresh; taken once. A load that failed is not an answer:
     * the view then queries itself and reports what goes wrong as usual.
     */
    Optional<FirstAnswer> take(VaadinSession session) {
        Started started = session.getAttribute(Started.class);
        if (started == null) {
            return Optional.empty();
        }
        session.setAttribute(Started.class, null);
        if (started.result == null || System.currentTimeMillis() - started.startedAt > FRESH.toMillis()) {
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
