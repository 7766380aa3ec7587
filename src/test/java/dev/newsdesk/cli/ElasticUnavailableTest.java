package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.backend=elasticsearch with no cluster to be had: a dead host, or one that refuses the key. Each command
 * prints one sentence naming the host and what to do, and exits as it does for a missing embedded index.
 */
class ElasticUnavailableTest {
    static final List<List<String>> COMMANDS = List.of(
            List.of("ask", "What did Blinken tell Jewish leaders?"), List.of("search", "Blinken", "--mode", "bm25"), List.of("stats", "--json"));

    @TempDir
    Path tmp;

    private Path home(String hosts) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"),
                "index.backend=elasticsearch\nelasticsearch.hosts=" + hosts + "\nelasticsearch.index=news\n");
        return home;
    }

    /** The exit status of the same command on a missing embedded index: cluster errors must not differ from it. */
    private int embeddedMissingIndexStatus(List<String> command) throws IOException {
        Path other = Files.createDirectories(tmp.resolve("embedded"));
        String[] args = concat(command, "--home", other.toString(), "--index", other.resolve("no-index").toString());
        Cli.Result r = Cli.run(args).assertNoStackTrace();
        assertThat(r.err()).contains("not found");
        return r.status();
    }

    static String[] concat(List<String> command, String... more) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** One line to the user, "newsdesk: ..." with every expected part, and nothing else on stderr. */
    static void assertOneSentence(Cli.Result r, int status, String... parts) {
        r.assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        String err = r.err().strip();
        assertThat(err).as(r.toString()).doesNotContain("\n").startsWith("newsdesk: ").contains(parts)
                .doesNotContain("Exception").doesNotContain("dev.newsdesk");
        assertThat(r.out()).as("nothing on stdout").isBlank();
        System.out.println("exit " + r.status() + ": " + err);
    }

    @Test
    void aDeadHostIsNamedWithTheNextStep() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Path home = home("http://127.0.0.1:" + port);
        for (List<String> c : COMMANDS) {
            Cli.Result r = Cli.run(concat(c, "--home", home.toString()));
            assertOneSentence(r, embeddedMissingIndexStatus(c), "http://127.0.0.1:" + port, "unreachable", "scripts/es-cluster start",
                    "NEWSDESK_ELASTICSEARCH_HOSTS");
        }
    }

    @Test
    void aPortThatDoesNotSpeakHttpSaysSo() throws Exception {
        // what a node's transport port (9300) looks like to an HTTP client: bytes that are not an HTTP reply
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                while (!s.isClosed()) {
                    try (var c = s.accept()) {
                        c.getInputStream().read(new byte[4096]);
                        c.getOutputStream().write(new byte[] {'E', 'S', 0, 0, 0, 6, 1, 2, 3, 4, 5, 6});
                        c.getOutputStream().flush();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Path home = home("http://127.0.0.1:" + s.getLocalPort());
            for (List<String> c : COMMANDS) {
                Cli.Result r = Cli.run(concat(c, "--home", home.toString()));
                assertOneSentence(r, embeddedMissingIndexStatus(c), "http://127.0.0.1:" + s.getLocalPort(), "no HTTP reply", "transport port");
            }
            s.close();
            t.join(5_000);
        }
    }

    @Test
    void aRefusedKeyNamesTheEnvironmentVariable() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // what a secured cluster answers to a request without (or with a wrong) key
        server.createContext("/", ex -> {
            byte[] body = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate with provided credentials\"},"
                    + "\"status\":401}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.getResponseHeaders().add("WWW-Authenticate", "ApiKey");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String host = "http://127.0.0.1:" + server.getAddress().getPort();
            Path home = home(host);
            for (List<String> c : COMMANDS) {
                Cli.Result r = Cli.run(concat(c, "--home", home.toString()));
                assertOneSentence(r, embeddedMissingIndexStatus(c), host, "HTTP 401", "NEWSDESK_ELASTICSEARCH_API_KEY");
            }
        } finally {
            server.stop(0);
        }
    }
}
