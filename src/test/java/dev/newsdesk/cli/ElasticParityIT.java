package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same fixture corpus indexed embedded and on a real 3-node cluster (one replica): the commands a user runs
 * give the same passages, the same answers, and citations verbatim from the article text.
 */
@ExtendWith(ElasticCluster.Shared.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticParityIT {
    private ElasticCluster cluster;
    private String index;
    private Path embedded;
    private Path clustered;
    private Path corpus;

    @BeforeAll
    void indexBoth(ElasticCluster cluster) throws Exception {
        this.cluster = cluster;
        Path root = Files.createTempDirectory("elastic-parity");
        corpus = ElasticFixture.write(root.resolve("corpus"));
        embedded = Files.createDirectories(root.resolve("embedded"));
        index = cluster.newIndex("parity");
        clustered = cluster.home(root.resolve("clustered"), index);
        ElasticFixture.ingest(corpus, embedded, embedded.resolve("index"));
        ElasticFixture.ingest(corpus, clustered, null);
        cluster.waitGreen(index);
    }

    private Cli.Result embedded(String... args) {
        return run(embedded, true, args);
    }

    private Cli.Result clustered(String... args) {
        return run(clustered, false, args);
    }

    private static Cli.Result run(Path home, boolean withIndex, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        if (withIndex) all.addAll(List.of("--index", home.resolve("index").toString()));
        Cli.Result r = Cli.run(all.toArray(String[]::new)).assertNoStackTrace();
        assertThat(r.status()).as(String.join(" ", args) + "\n" + r).isZero();
        return r;
    }

    private static List<String> ids(Cli.Result search) {
        return ids(search.json().path("hits"));
    }

    private static List<String> ids(JsonNode hits) {
        List<String> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.path("passageId").asText()));
        return ids;
    }

    @Test
    void statsNamesTheClusterBackendWithThreeNodesAndOneReplica() {
        JsonNode e = embedded("stats", "--json").json();
        JsonNode c = clustered("stats", "--json").json();
        assertThat(c.path("backend").asText()).isEqualTo("elasticsearch");
        assertThat(e.path("backend").asText()).isEqualTo("embedded");
        JsonNode info = c.path("cluster");
        assertThat(info.path("health").asText()).as(c.toString()).isEqualTo("green");
        assertThat(info.path("nodes").asInt()).isEqualTo(ElasticCluster.NODES);
        assertThat(info.path("replicas").asInt()).isEqualTo(1);
        assertThat(info.path("index").asText()).isEqualTo(index);
        assertThat(c.path("articles").asLong()).isEqualTo(e.path("articles").asLong()).isPositive();
        assertThat(c.path("passages").asLong()).isEqualTo(e.path("passages").asLong());
        assertThat(c.path("outlets")).isEqualTo(e.path("outlets"));
        assertThat(c.path("earliest")).isEqualTo(e.path("earliest"));
        assertThat(c.path("latest")).isEqualTo(e.path("latest"));
    }

    @Test
    void askCitesVerbatimFromTheClusterAndMostlyAnswersAsEmbedded() throws Exception {
        int same = 0;
        int citations = 0;
        List<String> differing = new ArrayList<>();
        try (var client = cluster.client(index);
             var backend = new dev.newsdesk.index.elastic.ElasticBackend(client, null)) {
            var catalog = backend.catalog();
            for (String q : ElasticFixture.QUESTIONS) {
                JsonNode e = embedded("ask", q, "--as-of", "2025-01-01", "--json").json();
                JsonNode c = clustered("ask", q, "--as-of", "2025-01-01", "--json").json();
                for (JsonNode cite : c.path("citations")) {
                    var article = catalog.article(cite.path("articleId").asText()).orElseThrow();
                    String quote = cite.path("quote").asText();
                    int start = cite.path("start").asInt();
                    int end = cite.path("end").asInt();
                    assertThat(article.body().substring(start, end)).as(q + " citation " + cite).isEqualTo(quote);
                    citations++;
                }
                if (e.path("answer").equals(c.path("answer")) && e.path("abstained").equals(c.path("abstained"))) same++;
                else differing.add(q + "\n    embedded " + e.path("answer") + "\n    cluster  " + c.path("answer"));
            }
        }
        int n = ElasticFixture.QUESTIONS.size();
        System.out.printf(Locale.ROOT, "elastic ask parity: %d questions, same answer as embedded %d (%.1f%%), %d cluster citations all verbatim%n",
                n, same, 100.0 * same / n, citations);
        differing.forEach(d -> System.out.println("  answer differs: " + d));
        assertThat(citations).as("citations checked").isGreaterThan(n);
        assertThat(100.0 * same / n).as("percent of questions answered as embedded").isGreaterThanOrEqualTo(80.0);
    }
}
