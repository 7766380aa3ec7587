package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with index.backend=elasticsearch and a cluster that is not there: it starts, and ask (page and API)
 * answers 503 with one "Search is unavailable" sentence naming the cluster and what to do, never a 500.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ServeSearchUnavailableTest {
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");

    @TempDir
    Path home;

    @Test
    void serveStartsWithTheClusterDownAndSaysSearchIsUnavailable() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), "embedding.model=none\nindex.backend=elasticsearch\n"
                + "elasticsearch.hosts=http://127.0.0.1:" + closed + "\nweb.asks-per-minute=1000\n");
        StringWriter errText = new StringWriter();
        CountDownLatch ready = new CountDownLatch(1);
        String[] address = new String[1];
        Writer watcher = new Writer() {
            @Override
            public synchronized void write(char[] buf, int off, int len) {
                errText.write(buf, off, len);
                Matcher m = SERVING.matcher(errText.toString());
                if (address[0] == null && m.find()) {
                    address[0] = m.group(1);
                    ready.countDown();
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Thread t = new Thread(() -> Main.run(new String[]{"serve", "--home", home.toString(), "--port", "0"},
                new PrintWriter(new StringWriter()), new PrintWriter(watcher, true)), "serve-unavailable");
        t.setDaemon(true);
        t.start();
        try {
            assertThat(ready.await(60, TimeUnit.SECONDS)).as("serve printed its address: " + errText).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            String q = URLEncoder.encode("What did Blinken tell Jewish leaders?", StandardCharsets.UTF_8);
            for (String path : new String[]{"api/ask?q=" + q, "?q=" + q}) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(address[0] + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(503);
                assertThat(r.body()).contains("Search is unavailable: Elasticsearch at [http://127.0.0.1:" + closed + "] is unreachable")
                        .contains("scripts/es-cluster start").doesNotContain("Exception");
            }
        } finally {
            t.interrupt();
            t.join(20_000);
        }
    }
}
