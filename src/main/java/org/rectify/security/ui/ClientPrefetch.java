package org.rectify.security.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The files of the Vaadin client that the page after signing in loads first: its entry script and stylesheet, and
 * the modules the entry script imports (the client and the components every page needs). The login page asks the
 * browser to prefetch them while the user types, so that signing in does not wait for them. Found in the production
 * bundle (their names carry content hashes); in development mode there is nothing to prefetch.
 */
@Component
public class ClientPrefetch {

    private static final Logger log = LoggerFactory.getLogger(ClientPrefetch.class);
    private static final String WEBAPP = "META-INF/VAADIN/webapp/";
    private static final Pattern ENTRY = Pattern.compile("VAADIN/build/[\\w.-]+\\.(?:js|css)");
    private static final Pattern IMPORT = Pattern.compile("import\\(\"\\./([\\w.-]+\\.js)\"\\)");

    private final ClassLoader classes;
    private volatile List<String> paths;

    public ClientPrefetch() {
        this(ClientPrefetch.class.getClassLoader());
    }

    ClientPrefetch(ClassLoader classes) {
        this.classes = classes;
    }

    /** Paths below the application's root ({@code VAADIN/build/...}), in the order the browser will need them. */
    public List<String> paths() {
        List<String> p = paths;
        if (p == null) {
            p = find();
            paths = p;
        }
        return p;
    }

    private List<String> find() {
        try {
            String info = read("META-INF/VAADIN/config/flow-build-info.json");
            String index = read(WEBAPP + "index.html");
            if (info == null || !info.replace(" ", "").contains("\"productionMode\":true") || index == null) {
                return List.of();
            }
            Set<String> found = new LinkedHashSet<>();
            Matcher entries = ENTRY.matcher(index);
            while (entries.find()) {
                String entry = entries.group();
                found.add(entry);
                if (entry.endsWith(".js")) {
                    String script = read(WEBAPP + entry);
                    Matcher imports = IMPORT.matcher(script == null ? "" : script);
                    while (imports.find()) {
                        found.add("VAADIN/build/" + imports.group(1));
                    }
                }
            }
            return found.stream().filter(f -> classes.getResource(WEBAPP + f) != null).toList();
        } catch (IOException e) {
            log.warn("Could not read the production bundle; the login page prefetches nothing", e);
            return List.of();
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = classes.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
