package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval multihop} (BM25, planned) on both backends over the shared MultiHop-RAG dev set: the cluster's
 * figures are within 0.02 of the embedded ones. Skipped when ../shared (or -Dnewsdesk.shared) lacks the dataset, and
 * unless asked for with {@code -Dnewsdesk.it.multihop=true}: it takes ~4.5 min on 2 cores (indexing ~6,150 long
 * passages twice and 697 planned queries on each backend), more than the rest of the IT phase together.
 * Run: {@code mvn -B -ntp verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ElasticMultiHopIT -Dnewsdesk.it.multihop=true}
 */
@ExtendWith(ElasticCluster.Shared.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ElasticMultiHopIT {
    private static final Path ROOT = Path.of(System.getProperty("newsdesk.shared", "../shared"), "datasets", "multihop-rag");
    static final List<String> FIGURES = List.of("hits@4", "hits@10", "mrr@10", "evidence_recall@10");

    @TempDir
    Path tmp;

    @Test
    void multiHopFiguresOnTheClusterAreWithinTwoPointsOfEmbedded(ElasticCluster cluster) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("newsdesk.it.multihop"), "ElasticMultiHopIT runs with -Dnewsdesk.it.multihop=true (~4.5 min)");
        Path corpus = ROOT.resolve("corpus.json");
        Path queries = ROOT.resolve("queries-dev.json");
        Assumptions.assumeTrue(Files.isRegularFile(corpus) && Files.isRegularFile(queries),
                () -> "MultiHop-RAG files missing under " + ROOT.toAbsolutePath() + " (set -Dnewsdesk.shared=<dir containing datasets/multihop-rag>)");
        List<String> eval = List.of("eval", "multihop", "--corpus", corpus.toString(), "--queries", queries.toString(), "--mode", "bm25",
                "--json", "--no-abstention", "--no-answers", "--quiet");
        Path embedded = Files.createDirectories(tmp.resolve("embedded"));
        JsonNode e = run(ElasticUnavailableTest.concat(eval, "--home", embedded.toString(), "--index", embedded.resolve("index").toString()));
        Path home = cluster.home(tmp.resolve("clustered"), cluster.newIndex("multihop"));
        JsonNode c = run(ElasticUnavailableTest.concat(eval, "--home", home.toString()));
        StringBuilder line = new StringBuilder("elastic multihop (BM25, " + c.path("queries").asInt() + " dev queries), cluster vs embedded:");
        for (String f : FIGURES) line.append(String.format(Locale.ROOT, " %s %.3f vs %.3f;", f, c.path(f).asDouble(), e.path(f).asDouble()));
        System.out.println(line);
        assertThat(c.path("queries").asInt()).isEqualTo(e.path("queries").asInt()).isPositive();
        for (String f : FIGURES) assertThat(c.path(f).asDouble()).as(f).isCloseTo(e.path(f).asDouble(), within(0.02));
    }

    private static JsonNode run(String[] args) {
        Cli.Result r = Cli.run(args).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        JsonNode j = r.json();
        return j.has("retrieval") ? j.path("retrieval") : j;
    }
}
