package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passage vectors on the cluster: the same small corpus ingested with the in-process MiniLM model, embedded and
 * on a real 3-node cluster, gives the same kNN and hybrid top 10, with the outlet filter inside the kNN request.
 * The corpus is small (the seed articles and 20 BBC articles per category) because embedding here runs on two cores.
 */
@ExtendWith(ElasticCluster.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticVectorIT {
    private static final String MODEL = "embedding.model=all-minilm-l6-v2-q";
    private Path embedded;
    private Path clustered;
    private Path corpus;

    @BeforeAll
    void indexBoth(ElasticCluster cluster) throws Exception {
        Path root = Files.createTempDirectory("elastic-vectors");
        corpus = ElasticFixture.write(root.resolve("corpus"), 20);
        embedded = Files.createDirectories(root.resolve("embedded/config"));
        embedded = embedded.getParent();
        Files.writeString(embedded.resolve("config/newsdesk.properties"), MODEL + "\n");
        String index = cluster.newIndex("vectors");
        clustered = cluster.home(root.resolve("clustered"), index, MODEL);
        ingest(embedded, true);
        ingest(clustered, false);
        cluster.waitGreen(index);
    }

    private void ingest(Path home, boolean local) {
        List<String> args = new ArrayList<>(List.of("ingest", corpus.toString(), "--quiet", "--home", home.toString()));
        if (local) args.addAll(List.of("--index", home.resolve("index").toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
    }

    private static JsonNode search(Path home, boolean local, String... args) {
        List<String> all = new ArrayList<>(List.of("search"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "--limit", "10", "--home", home.toString()));
        if (local) all.addAll(List.of("--index", home.resolve("index").toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r).isZero();
        return r.json().path("hits");
    }

    private static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.path("passageId").asText()));
        return ids;
    }

    private static String scored(JsonNode hits) {
        List<String> out = new ArrayList<>();
        hits.forEach(h -> out.add(h.path("passageId").asText() + String.format(Locale.ROOT, "=%.5f", h.path("score").asDouble())));
        return String.join(" ", out);
    }

    /** Percent of questions whose top 10 (as a set: equal vector scores may swap places) is the embedded one. */
    private double parity(String mode, String... filter) {
        int same = 0;
        double overlap = 0;
        for (String q : ElasticFixture.QUESTIONS) {
            List<String> args = new ArrayList<>(List.of(q, "--mode", mode));
            args.addAll(List.of(filter));
            JsonNode eh = search(embedded, true, args.toArray(String[]::new));
            JsonNode ch = search(clustered, false, args.toArray(String[]::new));
            List<String> e = ids(eh);
            List<String> c = ids(ch);
            assertThat(c).as(mode + " hits for " + q).isNotEmpty();
            if (new HashSet<>(e).equals(new HashSet<>(c))) same++;
            else System.out.println("  " + mode + " differs for " + q + "\n    embedded " + scored(eh) + "\n    cluster  " + scored(ch));
            var common = new HashSet<>(e);
            common.retainAll(c);
            overlap += e.isEmpty() ? 1 : (double) common.size() / e.size();
        }
        int n = ElasticFixture.QUESTIONS.size();
        double pct = 100.0 * same / n;
        System.out.printf(Locale.ROOT, "elastic %s parity%s: %d questions, same top 10 as embedded %d (%.1f%%), mean overlap %.3f%n",
                mode, filter.length == 0 ? "" : " " + String.join(" ", filter), n, same, pct, overlap / n);
        return pct;
    }

    @Test
    void vectorTopTenIsTheEmbeddedOne() {
        assertThat(parity("vector")).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void hybridTopTenIsTheEmbeddedOne() {
        assertThat(parity("hybrid")).isGreaterThanOrEqualTo(90.0);
    }

    @Test
    void theOutletFilterIsInsideTheKnnRequest() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ElasticFixture.hasBbc(corpus), "the BBC outlets need ../shared/datasets/bbc");
        // filtered inside kNN, every one of the 10 hits is from the outlet; filtered after, most would be dropped
        for (String q : List.of("Why did US crude oil prices surge?", "Which film leads the US box office?")) {
            JsonNode hits = search(clustered, false, q, "--mode", "vector", "--outlet", "BBC Sport");
            assertThat(hits).as(q).hasSize(10);
            hits.forEach(h -> assertThat(h.path("outlet").asText()).as(q + " " + h).isEqualTo("BBC Sport"));
            assertThat(ids(hits)).isEqualTo(ids(search(embedded, true, q, "--mode", "vector", "--outlet", "BBC Sport")));
        }
    }
}
