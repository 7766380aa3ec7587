package dev.newsdesk.index.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real 3-node Elasticsearch cluster for integration tests ({@code *ElasticIT}, run by failsafe in their own JVM):
 * {@code scripts/es-cluster start --nodes 3 --http-port P --data target/es-it/NAME} as a process (the engine's
 * Lucene must not meet ours on one classpath), stopped with {@code scripts/es-cluster stop --data DIR} on
 * {@link #close()} and, should the test JVM end without it, by a shutdown hook. A cluster that cannot start fails
 * the test with the tail of its log: a missing cluster must never look like a pass.
 *
 * <p>Two ways to get one:
 * <ul>
 *   <li>{@code @ExtendWith(ElasticCluster.Shared.class)} and an {@code ElasticCluster} parameter (constructor,
 *       {@code @BeforeAll}, test method): one cluster for every class of the JVM that asks, stopped when the test
 *       plan ends. Give each class its own index ({@link #newIndex}).</li>
 *   <li>{@code try (ElasticCluster c = ElasticCluster.start("name"))}: a cluster of its own, for a test that stops
 *       nodes.</li>
 * </ul>
 * Indexes newsdesk creates have 3 shards and 1 replica ({@code src/main/resources/elasticsearch/index.json}).
 */
public final class ElasticCluster implements AutoCloseable {
    public static final int NODES = 3;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10); // the first start builds es-cluster/ (downloads)

    private final Path data;
    private final List<URI> hosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger indexes = new AtomicInteger();
    private final Thread hook;
    private volatile boolean closed;

    private ElasticCluster(Path data, List<URI> hosts) {
        this.data = data;
        this.hosts = hosts;
        this.hook = new Thread(this::stopQuietly, "es-cluster-stop-" + data.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The project directory (Maven's basedir), which holds scripts/es-cluster. */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** Starts a fresh 3-node cluster in {@code target/es-it/NAME} (a leftover one there is stopped and wiped first). */
    public static ElasticCluster start(String name) {
        return start(name, freePorts());
    }

    /** A free range of ports for a cluster: node 0 answers HTTP on the returned one (a test may point at it first). */
    public static int freePort() {
        return freePorts();
    }

    /** As {@link #start(String)}, with node 0's HTTP port {@code port} (from {@link #freePort}). */
    public static ElasticCluster start(String name, int port) {
        Path data = projectDir().resolve("target/es-it").resolve(name);
        try {
            script(data, Duration.ofMinutes(1), "stop", "--data", data.toString()); // a run killed earlier may have left one
            deleteTree(data);
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result r = script(data, START_TIMEOUT, "start", "--nodes", Integer.toString(NODES), "--http-port", Integer.toString(port),
                "--data", data.toString());
        Path urls = data.resolve("cluster.url");
        if (r.status != 0 || !Files.exists(urls)) {
            script(data, Duration.ofMinutes(1), "stop", "--data", data.toString());
            throw new AssertionError("scripts/es-cluster start did not bring up a " + NODES + "-node cluster (exit " + r.status + ")\n"
                    + r.output + "\n--- last lines of " + data.resolve("cluster.log") + "\n" + tail(data.resolve("cluster.log"), 60));
        }
        try {
            List<URI> hosts = Arrays.stream(Files.readString(urls).strip().split(",")).map(URI::create).toList();
            ElasticCluster c = new ElasticCluster(data, hosts);
            c.waitGreen(null);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every node's HTTP address: a client given all of them goes on when one node stops. */
    public List<URI> hosts() {
        return hosts;
    }

    /** The hosts as {@code elasticsearch.hosts} takes them. */
    public String hostsSetting() {
        return String.join(",", hosts.stream().map(URI::toString).toList());
    }

    public Path dataDir() {
        return data;
    }

    /** A fresh index name for one test class on a shared cluster: {@code it-PREFIX-N}. */
    public String newIndex(String prefix) {
        return "it-" + prefix.toLowerCase(Locale.ROOT) + "-" + indexes.incrementAndGet();
    }

    /** The settings a newsdesk command reads for this cluster and index (no credentials: the test cluster has none). */
    public Map<String, String> config(String index) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("index.backend", "elasticsearch");
        c.put("elasticsearch.hosts", hostsSetting());
        c.put("elasticsearch.index", index);
        return c;
    }

    /** The same as environment variables, for a newsdesk process (the way a user points newsdesk at a cluster). */
    public Map<String, String> env(String index) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("NEWSDESK_INDEX_BACKEND", "elasticsearch");
        e.put("NEWSDESK_ELASTICSEARCH_HOSTS", hostsSetting());
        e.put("NEWSDESK_ELASTICSEARCH_INDEX", index);
        return e;
    }

    /**
     * Makes {@code home} a project home whose {@code config/newsdesk.properties} points at this cluster and index
     * (plus {@code extra} lines), for running commands in process with {@code --home}. Returns {@code home}.
     */
    public Path home(Path home, String index, String... extra) {
        try {
            Files.createDirectories(home.resolve("config"));
            StringBuilder sb = new StringBuilder();
            config(index).forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            for (String line : extra) sb.append(line).append('\n');
            Files.writeString(home.resolve("config/newsdesk.properties"), sb.toString());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A newsdesk client for this cluster and index. */
    public ElasticClient client(String index) {
        return new ElasticClient(new ElasticSettings(hosts, index, null, null, null, null));
    }

    /** A REST call to a live node; the reply as JSON (an error reply too: tests assert on it). */
    public JsonNode call(String method, String path, String body) {
        IOException last = null;
        for (URI h : hosts) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(h.resolve(path)).timeout(Duration.ofSeconds(90))
                        .header("Content-Type", "application/json");
                b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return r.body().isEmpty() ? json.createObjectNode() : json.readTree(r.body());
            } catch (IOException e) {
                last = e; // that node is down (a stopped one): try the next
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new UncheckedIOException("no node of the cluster at " + hosts + " answered " + method + " " + path, last);
    }

    /** Documents of {@code kind} (passage, sentence, article) in the index, after a refresh. */
    public long count(String index, String kind) {
        call("POST", "/" + index + "/_refresh", null);
        return call("POST", "/" + index + "/_count", "{\"query\":{\"term\":{\"kind\":\"" + kind + "\"}}}").path("count").asLong();
    }

    /** Waits until the index (or, for null, the cluster) is green: every replica allocated. */
    public void waitGreen(String index) {
        JsonNode h = call("GET", "/_cluster/health" + (index == null ? "" : "/" + index) + "?wait_for_status=green&timeout=60s", null);
        if (!"green".equals(h.path("status").asText())) {
            throw new AssertionError("cluster " + hosts + " not green within 60 s: " + h + "\n" + tail(data.resolve("cluster.log"), 40));
        }
    }

    /** Stops node {@code n} (0-based) with {@code scripts/es-cluster stop-node}; its shards' replicas take over. */
    public void stopNode(int n) {
        Result r = script(data, Duration.ofMinutes(1), "stop-node", Integer.toString(n), "--data", data.toString());
        if (r.status != 0) throw new AssertionError("stop-node " + n + " failed (exit " + r.status + "): " + r.output);
    }

    /** The last lines of the cluster's log, for a failure message. */
    public String logTail(int lines) {
        return tail(data.resolve("cluster.log"), lines);
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down: the hook runs (and finds the cluster stopped)
        }
    }

    private void stopQuietly() {
        if (closed) return;
        closed = true;
        script(data, Duration.ofMinutes(1), "stop", "--data", data.toString());
    }

    private record Result(int status, String output) {}

    private static Result script(Path data, Duration timeout, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(projectDir().resolve("scripts/es-cluster").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(projectDir().toFile()).redirectErrorStream(true);
        // The script looks for a JDK 21+; this test JVM is one (the toolchain picked it), whatever JAVA_HOME says.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(data);
            Path out = data.resolveSibling(data.getFileName() + "-" + args[0] + ".out");
            pb.redirectOutput(out.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + "\n" + Files.readString(out));
            }
            return new Result(p.exitValue(), Files.readString(out).strip());
        } catch (IOException e) {
            return new Result(-1, "could not run " + cmd + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /**
     * An HTTP port P such that P..P+2 (HTTP) and P+100..P+102 (transport, see es-cluster's LocalCluster) are free,
     * drawn at random so parallel builds on one machine do not collide.
     */
    private static int freePorts() {
        Random r = new Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int p = 20_000 + r.nextInt(30_000);
            boolean free = true;
            for (int i = 0; i < NODES && free; i++) free = isFree(p + i) && isFree(p + 100 + i);
            if (free) return p;
        }
        throw new AssertionError("no free range of ports for a " + NODES + "-node cluster between 20000 and 50100");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * One cluster shared by every test class of the JVM that uses this extension: started on first use, stopped when
     * the test plan ends (JUnit closes AutoCloseable values of the root store).
     */
    public static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
            return p.getParameter().getType() == ElasticCluster.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext c) {
            return c.getRoot().getStore(ExtensionContext.Namespace.create(ElasticCluster.class))
                    .computeIfAbsent("shared", k -> start("shared"), ElasticCluster.class);
        }
    }
}
