package dev.newsdesk.escluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts N real Elasticsearch nodes on loopback in this JVM (the engine's own test-framework node with the Netty
 * transport, so clients speak real HTTP), waits until the cluster is green, writes {@code cluster.url},
 * {@code cluster.pid} and {@code nodes} into the data folder, and stays up. The data folder identifies the cluster,
 * so two can run side by side with different ports.
 *
 * <p>Control is by files, so a shell script needs no client: {@code DIR/control/stop-node-N} closes node N (its
 * shards' replicas take over), {@code DIR/control/stop} closes all and exits; SIGTERM does the same.
 *
 * <p>Usage: {@code java -jar es-cluster.jar --data DIR [--nodes 3] [--http-port 9200]}. Node i listens for HTTP on
 * http-port + i and for transport on http-port + 100 + i.
 */
public final class LocalCluster {
    private final Path data;
    private final int nodes;
    private final int httpPort;
    private final List<Node> running = new ArrayList<>();

    private LocalCluster(Path data, int nodes, int httpPort) {
        this.data = data;
        this.nodes = nodes;
        this.httpPort = httpPort;
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        int nodes = 3;
        int port = 9200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--http-port" -> port = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option '" + args[i] + "'; use --data DIR [--nodes N] [--http-port P]");
                    System.exit(2);
                }
            }
        }
        if (data == null) {
            System.err.println("--data DIR is required: the folder that holds this cluster's nodes and state");
            System.exit(2);
        }
        if (nodes < 1 || nodes > 9) {
            System.err.println("--nodes " + nodes + " is outside 1..9");
            System.exit(2);
        }
        // The engine's test node draws every random number from the randomized runner's context, so the cluster
        // runs as the one "test" of that runner (no time limit, thread-leak checks off); see RunnerContext.
        System.setProperty(RunnerContext.DATA, data.toString());
        System.setProperty(RunnerContext.NODES, Integer.toString(nodes));
        System.setProperty(RunnerContext.PORT, Integer.toString(port));
        var result = org.junit.runner.JUnitCore.runClasses(RunnerContext.class);
        for (var f : result.getFailures()) {
            System.err.println("es-cluster: " + f.getMessage());
            if (f.getException() != null) f.getException().printStackTrace();
        }
        System.exit(result.wasSuccessful() ? 0 : 1);
    }

    static void start(Path data, int nodes, int port) throws Exception {
        new LocalCluster(data, nodes, port).run();
    }

    private void run() throws Exception {
        Files.createDirectories(data.resolve("control"));
        Files.deleteIfExists(data.resolve("control/stop"));
        for (int i = 0; i < nodes; i++) Files.deleteIfExists(data.resolve("control/stop-node-" + i));
        Files.deleteIfExists(data.resolve("cluster.url"));
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "es-cluster-shutdown"));
        String seeds = IntStream.range(0, nodes).mapToObj(i -> "127.0.0.1:" + (httpPort + 100 + i)).collect(Collectors.joining(","));
        String masters = IntStream.range(0, nodes).mapToObj(i -> "node-" + i).collect(Collectors.joining(","));
        // Started side by side: a node waits for a quorum of masters, so one at a time would stall on the first.
        List<Thread> starters = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            Settings s = nodeSettings(i, seeds, masters);
            Thread t = Thread.ofPlatform().name("start-node-" + i).start(() -> {
                try {
                    Node n = new MockNode(s, List.of(Netty4Plugin.class)).start();
                    synchronized (running) { running.add(n); }
                } catch (Throwable e) {
                    synchronized (failures) { failures.add(e); }
                }
            });
            starters.add(t);
        }
        for (Thread t : starters) t.join();
        if (!failures.isEmpty()) {
            closeAll();
            throw new IllegalStateException("a node failed to start (" + failures.get(0).getMessage() + "); see " + data, failures.get(0));
        }
        String url = "http://127.0.0.1:" + httpPort;
        waitGreen(url);
        Files.writeString(data.resolve("nodes"), IntStream.range(0, nodes).mapToObj(i -> "node-" + i + " http://127.0.0.1:" + (httpPort + i))
                .collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(data.resolve("cluster.pid"), ProcessHandle.current().pid() + "\n");
        // Written last: its presence is what the script waits for.
        Files.writeString(data.resolve("cluster.url"), IntStream.range(0, nodes).mapToObj(i -> "http://127.0.0.1:" + (httpPort + i))
                .collect(Collectors.joining(",")) + "\n");
        System.out.println("es-cluster: " + nodes + " nodes green at " + url);
        System.out.flush();
        watchControl();
    }

    private Settings nodeSettings(int i, String seeds, String masters) {
        Path home = data.resolve("node-" + i);
        return Settings.builder()
                .put("cluster.name", "newsdesk-local-" + Integer.toHexString(data.toString().hashCode()))
                .put("node.name", "node-" + i)
                // Node ids come from the runner's one seeded random: without a seed per node all nodes would share one id.
                .put("node.id.seed", 7919L * (i + 1) + data.toString().hashCode())
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort + i)
                .put("transport.port", httpPort + 100 + i)
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .put("discovery.seed_hosts", seeds)
                .put("cluster.initial_master_nodes", masters)
                // A shared dev box is often past the default disk watermarks; a test cluster should still allocate.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .put("action.destructive_requires_name", false)
                .build();
    }

    private static void waitGreen(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/_cluster/health?wait_for_status=green&timeout=60s"))
                .timeout(Duration.ofSeconds(70)).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() != 200 || !r.body().contains("\"status\":\"green\"")) {
            throw new IOException("cluster did not turn green within 60 s: " + r.body());
        }
    }

    private void watchControl() throws InterruptedException, IOException {
        Path control = data.resolve("control");
        while (true) {
            if (Files.exists(control.resolve("stop"))) {
                closeAll();
                Files.deleteIfExists(data.resolve("cluster.url"));
                Files.deleteIfExists(data.resolve("cluster.pid"));
                return;
            }
            for (int i = 0; i < nodes; i++) {
                Path f = control.resolve("stop-node-" + i);
                if (Files.exists(f)) {
                    closeNode("node-" + i);
                    Files.move(f, control.resolve("stopped-node-" + i), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Thread.sleep(100);
        }
    }

    private void closeNode(String name) throws IOException {
        Node found = null;
        synchronized (running) {
            for (Node n : running) if (Node.NODE_NAME_SETTING.get(n.settings()).equals(name)) found = n;
            if (found != null) running.remove(found);
        }
        if (found != null) found.close();
    }

    private void closeAll() {
        List<Node> all;
        synchronized (running) {
            all = new ArrayList<>(running);
            running.clear();
        }
        for (Node n : all) {
            try {
                n.close();
            } catch (IOException | RuntimeException e) {
                System.err.println("es-cluster: closing " + n.settings().get("node.name") + " failed: " + e.getMessage());
            }
        }
    }
}
