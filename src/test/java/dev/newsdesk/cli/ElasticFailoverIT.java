package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.elastic.ElasticBackend;
import dev.newsdesk.index.elastic.ElasticCluster;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Retrieval;
import dev.newsdesk.retrieve.Retriever;
import dev.newsdesk.retrieve.SearchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A node of the 3-node cluster (one replica) stops while questions are being searched, as a bot serving many
 * servers would keep asking: no search fails and every one still gives the passages it gave before. A cluster of its
 * own, since it loses a node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticFailoverIT {
    private ElasticCluster cluster;
    private String index;
    private Path home;

    @BeforeAll
    void start() throws Exception {
        cluster = ElasticCluster.start("failover");
        Path root = Files.createTempDirectory("elastic-failover");
        Path corpus = ElasticFixture.write(root.resolve("corpus"));
        index = cluster.newIndex("failover");
        home = cluster.home(root.resolve("home"), index);
        ElasticFixture.ingest(corpus, home, null);
        cluster.waitGreen(index);
    }

    @AfterAll
    void stop() {
        if (cluster != null) cluster.close();
    }

    /** The answer text and citations of {@code ask --json} (the store's question id left out: it grows). */
    private String answer(String q) {
        Cli.Result r = Cli.run("ask", q, "--as-of", "2025-01-01", "--json", "--home", home.toString());
        assertThat(r.status()).as(r.toString()).isZero();
        var j = r.json();
        return j.path("answer").asText() + " " + j.path("citations");
    }

    private static List<String> ids(List<Hit> hits) {
        return hits.stream().map(Hit::passageId).toList();
    }

    @Test
    void aNodeStoppedMidQueryLosesNoAnswer() throws Exception {
        ExecutorService threads = Retrieval.newSearchThreads();
        try (ElasticBackend backend = new ElasticBackend(cluster.client(index), null)) {
            Retriever retriever = new Retrieval(backend, () -> LocalDate.of(2025, 1, 1), threads).retriever(
                    new Retrieval.Options(Retrieval.Mode.BM25, true, true, true, Retrieval.MAX_PER_ARTICLE, Retrieval.HYBRID_DENSE_WEIGHT));
            Map<String, List<String>> before = new HashMap<>();
            for (String q : ElasticFixture.QUESTIONS) before.put(q, ids(retriever.search(new SearchRequest(q, null, 10))));
            List<String> asked = ElasticFixture.QUESTIONS.subList(0, 8);
            Map<String, String> answers = new HashMap<>();
            for (String q : asked) answers.put(q, answer(q));

            AtomicBoolean stopped = new AtomicBoolean();
            AtomicInteger roundsAfterStop = new AtomicInteger();
            AtomicInteger queries = new AtomicInteger();
            AtomicInteger duringStop = new AtomicInteger();
            AtomicBoolean stopping = new AtomicBoolean();
            List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
            Runnable ask = () -> {
                while (roundsAfterStop.get() < 2 && problems.size() < 20) {
                    boolean wasStopped = stopped.get();
                    for (String q : ElasticFixture.QUESTIONS) {
                        if (stopping.get()) duringStop.incrementAndGet();
                        try {
                            List<String> now = ids(retriever.search(new SearchRequest(q, null, 10)));
                            if (!now.equals(before.get(q))) problems.add(q + ": " + before.get(q) + " became " + now);
                        } catch (RuntimeException e) {
                            problems.add(q + ": failed: " + e.getMessage());
                        }
                        queries.incrementAndGet();
                    }
                    if (wasStopped) roundsAfterStop.incrementAndGet();
                }
            };
            // two searchers, as a bot answering several servers: more searches in flight when the node goes
            Thread asker = Thread.ofPlatform().name("asker-1").start(ask);
            Thread asker2 = Thread.ofPlatform().name("asker-2").start(ask);
            // and whole answers (ask, a new command and client each time, citations read from the catalog)
            AtomicInteger answered = new AtomicInteger();
            Thread answerer = Thread.ofPlatform().name("answerer").start(() -> {
                while (roundsAfterStop.get() < 2 && problems.size() < 20) {
                    for (String q : asked) {
                        try {
                            String now = answer(q);
                            if (!now.equals(answers.get(q))) problems.add(q + ": answer " + answers.get(q) + " became " + now);
                        } catch (RuntimeException | AssertionError e) {
                            problems.add(q + ": ask failed: " + e.getMessage());
                        }
                        answered.incrementAndGet();
                    }
                }
            });
            while (queries.get() < ElasticFixture.QUESTIONS.size() / 2 && asker.isAlive()) Thread.sleep(20);
            int atStop = queries.get();
            stopping.set(true);
            cluster.stopNode(0); // node 0 is also the first host the client knows
            stopping.set(false);
            stopped.set(true);
            asker.join(TimeUnit.MINUTES.toMillis(5));
            asker2.join(TimeUnit.MINUTES.toMillis(1));
            answerer.join(TimeUnit.MINUTES.toMillis(2));
            assertThat(asker.isAlive() || asker2.isAlive() || answerer.isAlive()).as("the asking threads end").isFalse();
            System.out.printf("elastic failover: %d searches, %d while node-0 was stopping, %d after; %d answers; %d failed or changed%n",
                    queries.get(), duringStop.get(), queries.get() - atStop, answered.get(), problems.size());
            problems.forEach(p -> System.out.println("  " + p));
            assertThat(problems).as("searches that failed or changed while a node stopped").isEmpty();
            assertThat(queries.get() - atStop).as("searches after the stop began").isGreaterThanOrEqualTo(2 * ElasticFixture.QUESTIONS.size());
        } finally {
            threads.shutdownNow();
        }
        // and a fresh command, whose host list still starts with the stopped node, answers as before
        Cli.Result r = Cli.run("search", ElasticFixture.QUESTIONS.get(6), "--mode", "bm25", "--json", "--home", home.toString())
                .assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json().path("hits").size()).isEqualTo(10);
        // the index is still served: yellow, or green once the replicas were rebuilt on the two nodes left
        var health = cluster.call("GET", "/_cluster/health/" + index, null);
        assertThat(health.path("status").asText()).as(health.toString()).isIn("yellow", "green");
        assertThat(health.path("number_of_nodes").asInt()).isEqualTo(ElasticCluster.NODES - 1);
    }
}
