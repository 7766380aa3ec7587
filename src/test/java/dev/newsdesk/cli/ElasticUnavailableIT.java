package dev.newsdesk.cli;

import static dev.newsdesk.cli.ElasticUnavailableTest.COMMANDS;
import static dev.newsdesk.cli.ElasticUnavailableTest.assertOneSentence;
import static dev.newsdesk.cli.ElasticUnavailableTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.TestCorpus;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live cluster without newsdesk's index, or with one an older version wrote: one sentence saying to run (or re-run)
 * ingest, and that ingest then makes every command work.
 */
@ExtendWith(ElasticCluster.Shared.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ElasticUnavailableIT {
    @TempDir
    Path tmp;

    @Test
    void aMissingIndexSaysToRunIngest(ElasticCluster cluster) {
        String index = cluster.newIndex("missing");
        Path home = cluster.home(tmp.resolve("home"), index);
        for (List<String> c : COMMANDS) {
            assertOneSentence(Cli.run(concat(c, "--home", home.toString())), Main.EXIT_ERROR, "no index '" + index + "'",
                    "run newsdesk ingest", cluster.hosts().get(0).toString());
        }
        assertThat(cluster.call("GET", "/" + index, null).has("error")).as("reading did not create the index").isTrue();
    }

    @Test
    void anIndexOfAnOlderLayoutSaysToReingestAndIngestRebuildsIt(ElasticCluster cluster) {
        String index = cluster.newIndex("older");
        // what the first cluster layout (before the stop-word gaps) wrote: its _meta names schema es-3
        var created = cluster.call("PUT", "/" + index, "{\"mappings\":{\"_meta\":{\"newsdesk.schema\":\"es-3\",\"newsdesk.embedding\":\"none\"},"
                + "\"properties\":{\"kind\":{\"type\":\"keyword\"},\"text_terms\":{\"type\":\"text\",\"analyzer\":\"whitespace\"}}}}");
        assertThat(created.path("acknowledged").asBoolean()).as(created.toString()).isTrue();
        Path home = cluster.home(tmp.resolve("home"), index);
        for (List<String> c : COMMANDS) {
            assertOneSentence(Cli.run(concat(c, "--home", home.toString())), Main.EXIT_ERROR, "'" + index + "' has layout 'es-3'",
                    "re-run newsdesk ingest");
        }
        Cli.Result ingest = Cli.run("ingest", TestCorpus.seedCorpus().toString(), "--no-vectors", "--quiet", "--home", home.toString())
                .assertNoStackTrace();
        assertThat(ingest.status()).as(ingest.toString()).isZero();
        Cli.Result search = Cli.run("search", "Blinken Jewish leaders", "--mode", "bm25", "--json", "--home", home.toString()).assertNoStackTrace();
        assertThat(search.status()).as(search.toString()).isZero();
        assertThat(search.json().path("hits").size()).isPositive();
        assertThat(cluster.call("GET", "/" + index + "/_mapping", null).toString()).doesNotContain("\"es-3\"");
    }
}
