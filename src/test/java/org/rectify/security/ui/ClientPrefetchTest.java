package org.rectify.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientPrefetchTest {

    @TempDir
    Path root;

    private ClientPrefetch prefetchOver(boolean production) throws IOException {
        write("META-INF/VAADIN/config/flow-build-info.json", "{\n  \"productionMode\" : " + production + "\n}");
        write("META-INF/VAADIN/webapp/index.html", """
                <script type="module" crossorigin src="./VAADIN/build/indexhtml-Ab1.js"></script>
                <link rel="stylesheet" crossorigin href="./VAADIN/build/indexhtml-Cd2.css">""");
        write("META-INF/VAADIN/webapp/VAADIN/build/indexhtml-Ab1.js", "const a=()=>import(\"./FlowBootstrap-X.js\");"
                + "const b=()=>import(\"./FlowClient-Y.js\");const c=()=>import(\"./chunk-1433-Z.js\");"
                + "const d=()=>import(\"./gone-W.js\");");
        write("META-INF/VAADIN/webapp/VAADIN/build/indexhtml-Cd2.css", "body{}");
        for (String f : new String[] {"FlowBootstrap-X.js", "FlowClient-Y.js", "chunk-1433-Z.js"}) {
            write("META-INF/VAADIN/webapp/VAADIN/build/" + f, "export{}");
        }
        return new ClientPrefetch(new URLClassLoader(new URL[] {root.toUri().toURL()}, null));
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void theEntryItsStylesheetAndWhatItImportsInTheOrderTheyAreNeeded() throws IOException {
        assertThat(prefetchOver(true).paths()).as("a module the bundle does not hold is left out").containsExactly(
                "VAADIN/build/indexhtml-Ab1.js", "VAADIN/build/FlowBootstrap-X.js", "VAADIN/build/FlowClient-Y.js",
                "VAADIN/build/chunk-1433-Z.js", "VAADIN/build/indexhtml-Cd2.css");
    }

    @Test
    void nothingInDevelopmentMode() throws IOException {
        assertThat(prefetchOver(false).paths()).isEmpty();
    }

    @Test
    void nothingWithoutABundle() {
        assertThat(new ClientPrefetch(new URLClassLoader(new URL[0], null)).paths()).isEmpty();
    }
}
