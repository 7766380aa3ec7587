package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the shared datasets when they are there; prints throughput, asserts only counts. */
class SharedDatasetsTest {
    @Test
    void bbcDatasetHasAll2225Articles() {
        Path bbc = SharedData.path("datasets/bbc/bbc-articles.jsonl.gz");
        assumeTrue(Files.isReadable(bbc), "dataset missing: " + bbc + " (set -Dnewsdesk.shared=<shared dir>)");
        CollectingSink sink = new CollectingSink();
        long t0 = System.nanoTime();
        new CorpusReader(IngestLimits.DEFAULTS).read(java.util.List.of(bbc), sink);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("read %d BBC articles in %d ms%n", sink.articles.size(), ms);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.articles).hasSize(2225);
        Set<String> ids = new HashSet<>();
        for (Article a : sink.articles) {
            assertThat(ids.add(a.id())).as("unique id " + a.id()).isTrue();
            assertThat(a.outlet()).isEqualTo("unknown");
            assertThat(a.body()).isNotBlank();
        }
        assertThat(sink.articles.getFirst().id()).isEqualTo("bbc-business-001");
    }

    @Test
    void multihopCorpusReadsAsAJsonArray() {
        Path corpus = SharedData.path("datasets/multihop-rag/corpus.json");
        assumeTrue(Files.isReadable(corpus), "dataset missing: " + corpus + " (set -Dnewsdesk.shared=<shared dir>)");
        CollectingSink sink = new CollectingSink();
        new CorpusReader(IngestLimits.DEFAULTS).read(java.util.List.of(corpus), sink);
        assertThat(sink.articles.size() + sink.failures.size()).isEqualTo(609);
        assertThat(sink.articles.size()).isGreaterThan(600);
        assertThat(sink.articles).allSatisfy(a -> assertThat(a.published()).isNotNull());
    }
}
