package org.rectify.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import com.vaadin.flow.server.frontend.BundleUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.DataNode;
import org.rectify.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Has the browser load the requested page's own scripts while the server builds that page. In production Vaadin
 * keeps each view's components in a chunk of their own and asks for it only in its answer to the first request, so
 * the chunk (for the dashboard: ApexCharts, 130 KB) used to be fetched after the server's work instead of during it.
 * The page knows its view when index.html is asked for; a small script asks Vaadin's own loader for the same chunk
 * the moment the client sends that first request. A wrong guess costs one download and nothing else.
 */
@Component
public class RouteScriptPrefetch implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(RouteScriptPrefetch.class);

    private final CurrentUser currentUser;

    public RouteScriptPrefetch(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        VaadinService service = event.getSource();
        // Development mode serves one bundle with every component in it: nothing to load on demand.
        if (service.getDeploymentConfiguration().isProductionMode()) {
            event.addIndexHtmlRequestListener(response -> addPrefetch(service, response));
        }
    }

    private void addPrefetch(VaadinService service, IndexHtmlResponse response) {
        String path = Optional.ofNullable(response.getVaadinRequest().getPathInfo()).orElse("").replaceFirst("^/", "");
        try {
            view(service, path).map(RouteScriptPrefetch::chunkIds).map(RouteScriptPrefetch::script)
                    .ifPresent(s -> response.getDocument().body().appendElement("script").attr("type", "module")
                            .appendChild(new DataNode(s)));
        } catch (RuntimeException e) {
            // Only a head start: the page must open without it (the router reports a bad address itself).
            log.debug("No script prefetch for '{}'", path, e);
        }
    }

    /** The view the path opens; the root forwards to the user's start page, so that one is meant. */
    public Optional<Class<? extends com.vaadin.flow.component.Component>> view(VaadinService service, String path) {
        return service.getRouter().getRegistry().getNavigationTarget(path)
                .map(target -> target == HomeView.class ? HomeView.startPage(currentUser) : target);
    }

    /** The keys Vaadin's loader knows the view's chunk by: the view class and its superclasses, as UIInternals. */
    static List<String> chunkIds(Class<?> view) {
        List<String> ids = new ArrayList<>();
        for (Class<?> c = view; c != null && c != com.vaadin.flow.component.Component.class; c = c.getSuperclass()) {
            ids.add(BundleUtils.getChunkId(c.getName()));
        }
        return ids;
    }

    /**
     * Waits for the client's first request to start (connection state "loading" once Vaadin's loader exists), then
     * asks the loader for the chunks; the answer's own request for them then finds them loaded or on their way.
     */
    static String script(List<String> chunkIds) {
        return """
                const chunks = %s;
                const state = window.Vaadin && window.Vaadin.connectionState;
                if (state) {
                  const prefetch = (previous, next) => {
                    const load = window.Vaadin.Flow && window.Vaadin.Flow.loadOnDemand;
                    if (next === 'loading' && load) {
                      state.removeStateChangeListener(prefetch);
                      chunks.forEach(chunk => load(chunk).catch(() => {}));
                    }
                  };
                  state.addStateChangeListener(prefetch);
                }
                """.formatted(chunkIds.stream().map(id -> "'" + id + "'").toList());
    }
}
