package dev.newsdesk.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.Passage;
import dev.newsdesk.ingest.SentenceChunker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CorpusIngest} writes through {@link IngestSink}, not through Lucene: an index kept in a map gets the same
 * incremental decisions (unchanged skipped, changed replaced, gone pruned) as the embedded index. What a second
 * backend has to provide is exactly this interface.
 */
class IngestSinkContractTest {
    /** An index in memory: committed articles survive the sink; uncommitted ones are dropped by close. */
    static final class MapIndex {
        final Map<String, IndexedArticle> committed = new HashMap<>();
        final Map<String, Integer> passages = new HashMap<>();
        final List<String> log = new ArrayList<>();

        IngestSink open(String model) {
            Map<String, IndexedArticle> working = new ConcurrentHashMap<>(committed);
            Map<String, Integer> workingPassages = new ConcurrentHashMap<>(passages);
            return new IngestSink() {
                @Override
                public Map<String, IndexedArticle> indexed() {
                    return new HashMap<>(working);
                }

                @Override
                public void delete(String articleId) {
                    working.remove(articleId);
                    workingPassages.remove(articleId);
                    log.add("delete " + articleId);
                }

                @Override
                public void write(Article a, List<Passage> ps, List<float[]> vectors, boolean replace) {
                    assertThat(replace).isEqualTo(working.containsKey(a.id()));
                    working.put(a.id(), new IndexedArticle(a.id(), ContentHash.of(a), a.source()));
                    workingPassages.put(a.id(), ps.size());
                    synchronized (log) {
                        log.add((replace ? "replace " : "add ") + a.id());
                    }
                }

                @Override
                public void commit() {
                    committed.clear();
                    committed.putAll(working);
                    passages.clear();
                    passages.putAll(workingPassages);
                }

                @Override
                public IOException writeFailure(Exception e) {
                    return null;
                }

                @Override
                public void close() {
                }
            };
        }
    }

    @TempDir
    Path tmp;

    private final CorpusIngest ingest = new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS);

    @Test
    void incrementalDecisionsAreTheUpdatersNotTheBackends() throws IOException {
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < 4; i++) TestCorpus.writeArticle(corpus, "a" + i, "Outlet", LocalDate.of(2024, 1, 1), 10 + i);
        MapIndex index = new MapIndex();

        IngestSummary first = ingest.run(List.of(corpus), index::open, false, IngestListener.NONE).summary();
        assertThat(first.added()).isEqualTo(4);
        assertThat(index.committed).containsOnlyKeys("a0", "a1", "a2", "a3");
        assertThat(first.passages()).isEqualTo(index.passages.values().stream().mapToInt(Integer::intValue).sum());

        TestCorpus.writeArticle(corpus, "a1", "Outlet", LocalDate.of(2024, 1, 1), 99); // changed text
        Files.delete(corpus.resolve("a3.md"));
        index.log.clear();
        IngestSummary second = ingest.run(List.of(corpus), index::open, true, IngestListener.NONE).summary();

        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.removed()).isEqualTo(1);
        assertThat(index.log).containsExactly("delete a3", "replace a1");
        assertThat(index.committed).containsOnlyKeys("a0", "a1", "a2");
    }
}
