package org.rectify.base.ui;

import com.vaadin.flow.component.UI;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.rectify.base.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Long work (an import, an export) off the UI thread, as the user who started it; the UI polls while it runs, so
 * no server push is needed, and hears the result (or the refusal) in its own thread.
 */
public final class BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);
    static final int POLL_MS = 500;

    private BackgroundTask() {
    }

    public static <T> void run(UI ui, Executor executor, Supplier<T> work, Consumer<T> done,
            Consumer<RuntimeException> failed) {
        SecurityContext security = SecurityContextHolder.getContext();
        ui.setPollInterval(POLL_MS);
        executor.execute(() -> {
            SecurityContextHolder.setContext(security);
            try {
                T result = work.get();
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    done.accept(result);
                });
            } catch (RuntimeException e) {
                if (!(e instanceof UserMessage)) {
                    log.error("Background work failed", e);
                }
                ui.access(() -> {
                    ui.setPollInterval(-1);
                    failed.accept(e);
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }
}
