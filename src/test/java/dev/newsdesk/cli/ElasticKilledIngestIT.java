package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.index.TestCorpus;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code newsdesk ingest} process, pointed at the cluster by the two environment variables a user sets, is
 * killed (SIGKILL) once bulk requests have landed; the re-run ends with exactly what an embedded ingest holds: every
 * article once, no passage twice, no article with a passage missing.
 */
@ExtendWith(ElasticCluster.Shared.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ElasticKilledIngestIT {
    static final int ARTICLES = 1_200;
    /** Long enough for several passages per article, so a gap would show. */
    static final int SENTENCES = 20;

    @TempDir
    Path tmp;

    private Process ingest(Path corpus, Map<String, String> env, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // surefire/failsafe may put a manifest-only booter jar on java.class.path; this property holds the real path
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-cp", cp, "dev.newsdesk.cli.Main", "ingest", corpus.toString(),
                "--no-vectors", "--quiet", "--home", tmp.resolve("home").toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void ingestKilledMidBulkAndRerunLeavesNoDuplicateAndNoGap(ElasticCluster cluster) throws Exception {
        Path corpus = TestCorpus.writeJsonl(tmp.resolve("big/articles.jsonl"), ARTICLES, SENTENCES);
        Files.createDirectories(tmp.resolve("home"));
        Path embedded = Files.createDirectories(tmp.resolve("embedded"));
        ElasticFixture.ingest(corpus, embedded, embedded.resolve("index"));
        JsonNode want = Cli.run("stats", "--json", "--home", embedded.toString(), "--index", embedded.resolve("index").toString()).json();
        long articles = want.path("articles").asLong();
        long passages = want.path("passages").asLong();
        assertThat(passages).as("several passages per article").isGreaterThanOrEqualTo(2L * articles);

        String index = cluster.newIndex("killed");
        Map<String, String> env = cluster.env(index);
        Process p = ingest(corpus, env, tmp.resolve("ingest-1.log"));
        long landedPassages = 0;
        long landedArticles = 0;
        // killed once some articles are marked done (their passages landed before them) and before the end
        while (p.isAlive() && landedArticles == 0) {
            Thread.sleep(100);
            if (exists(cluster, index)) {
                landedPassages = cluster.count(index, "passage");
                landedArticles = cluster.count(index, "article");
            }
        }
        boolean killed = p.isAlive();
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no last flush
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(2_000); // a bulk request the dead process had sent still completes on the cluster
        String log1 = Files.readString(tmp.resolve("ingest-1.log"));
        assertThat(killed).as("the first ingest was still running when killed\n" + log1).isTrue();
        long afterKillArticles = cluster.count(index, "article");
        long afterKillPassages = cluster.count(index, "passage");
        System.out.printf("elastic killed ingest: killed with %d articles / %d passages seen landed; after the kill %d / %d of %d / %d%n",
                landedArticles, landedPassages, afterKillArticles, afterKillPassages, articles, passages);
        assertThat(afterKillArticles).as("killed before the end").isLessThan(articles);
        assertWhole(cluster, index, false);

        Process again = ingest(corpus, env, tmp.resolve("ingest-2.log"));
        assertThat(again.waitFor(5, TimeUnit.MINUTES)).as("the re-run ends").isTrue();
        String log2 = Files.readString(tmp.resolve("ingest-2.log"));
        assertThat(again.exitValue()).as(log2).isZero();
        assertThat(log2).doesNotContain("Exception");
        var unchanged = java.util.regex.Pattern.compile("(\\d+) unchanged").matcher(log2);
        assertThat(unchanged.find()).as(log2).isTrue();
        assertThat(Long.parseLong(unchanged.group(1))).as("articles the re-run found done: " + log2).isEqualTo(afterKillArticles);

        assertThat(cluster.count(index, "article")).isEqualTo(articles);
        assertThat(cluster.count(index, "passage")).as("passages, as the embedded index holds").isEqualTo(passages);
        assertWhole(cluster, index, true);
    }

    private static boolean exists(ElasticCluster cluster, String index) {
        return !cluster.call("GET", "/" + index + "/_mapping", null).has("error");
    }

    /**
     * Every article document once, every passage id once, and each marked article's passages are ordinals
     * 0..passage_count-1 with none missing; with {@code complete}, also no passage without its article.
     */
    private static void assertWhole(ElasticCluster cluster, String index, boolean complete) {
        cluster.call("POST", "/" + index + "/_refresh", null);
        JsonNode dupArticles = agg(cluster, index, "article", "{\"d\":{\"terms\":{\"field\":\"article_id\",\"min_doc_count\":2,\"size\":10}}}");
        assertThat(dupArticles.path("d").path("buckets")).as("articles indexed twice").isEmpty();
        JsonNode dupPassages = agg(cluster, index, "passage", "{\"d\":{\"terms\":{\"field\":\"passage_id\",\"min_doc_count\":2,\"size\":10}}}");
        assertThat(dupPassages.path("d").path("buckets")).as("passages indexed twice").isEmpty();

        Map<String, Integer> marked = new HashMap<>();
        for (JsonNode b : agg(cluster, index, "article",
                "{\"a\":{\"terms\":{\"field\":\"article_id\",\"size\":100000},\"aggs\":{\"n\":{\"max\":{\"field\":\"passage_count\"}}}}}")
                .path("a").path("buckets")) {
            marked.put(b.path("key").asText(), b.path("n").path("value").asInt());
        }
        int checked = 0;
        for (JsonNode b : agg(cluster, index, "passage", "{\"a\":{\"terms\":{\"field\":\"article_id\",\"size\":100000},\"aggs\":{"
                + "\"lo\":{\"min\":{\"field\":\"ordinal\"}},\"hi\":{\"max\":{\"field\":\"ordinal\"}},\"k\":{\"cardinality\":{\"field\":\"ordinal\"}}}}}")
                .path("a").path("buckets")) {
            String id = b.path("key").asText();
            long n = b.path("doc_count").asLong();
            Integer want = marked.get(id);
            if (want == null) {
                assertThat(complete).as("passages of " + id + " without its article document after the re-run").isFalse();
                continue; // a killed run may leave passages whose article the next run writes again (same ids)
            }
            assertThat(List.of(n, b.path("lo").path("value").asLong(), b.path("hi").path("value").asLong(), b.path("k").path("value").asLong()))
                    .as(id + ": passages, lowest and highest ordinal, distinct ordinals").containsExactly((long) want, 0L, want - 1L, (long) want);
            checked++;
        }
        assertThat(checked).as("marked articles with all their passages").isEqualTo(marked.size());
    }

    private static JsonNode agg(ElasticCluster cluster, String index, String kind, String aggs) {
        JsonNode r = cluster.call("POST", "/" + index + "/_search", "{\"size\":0,\"query\":{\"term\":{\"kind\":\"" + kind + "\"}},\"aggs\":" + aggs + "}");
        assertThat(r.has("error")).as(r.toString()).isFalse();
        return r.path("aggregations");
    }
}
