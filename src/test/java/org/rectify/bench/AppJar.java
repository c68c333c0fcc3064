package org.rectify.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The production jar as a separate process, as it is deployed: started, waited for, measured, stopped. */
final class AppJar implements AutoCloseable {

    private final Process process;
    final int port;

    private AppJar(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AppJar start(Path jar, int port, String database, Map<String, String> properties, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("java", "-Xms512m", "-Xmx2g", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.profiles.active=mysql,mariadb",
                "--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/" + database
                        + "?useUnicode=true&characterEncoding=utf8&serverTimezone=UTC",
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--rectify.evidence.dir=target/bench/evidence-" + port));
        properties.forEach((k, v) -> cmd.add("--" + k + "=" + v));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new AppJar(p, port);
    }

    String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped; see its log under target/bench");
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url("login"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the application did not start within " + timeout);
    }

    /** The heap in use after a full collection, in KB (jcmd, as an operator would ask a running JVM). */
    long heapAfterGcKb() throws IOException, InterruptedException {
        jcmd("GC.run");
        Thread.sleep(500);
        String info = jcmd("GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read the heap: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        String out = "";
        // On a busy machine the attach can miss its moment ("No such process"): tried again, not failed at once.
        for (int attempt = 0; attempt < 3; attempt++) {
            Process p = new ProcessBuilder("jcmd", String.valueOf(process.pid()), command).redirectErrorStream(true)
                    .start();
            out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() == 0 && !out.contains("Exception")) {
                return out;
            }
            Thread.sleep(2000);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
