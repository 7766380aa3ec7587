package dev.newsdesk.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.elastic.ElasticBackend;
import dev.newsdesk.index.elastic.ElasticCluster;
import dev.newsdesk.index.elastic.ElasticIndexTarget;
import dev.newsdesk.index.elastic.ElasticSettings;
import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.sources.Poller.Indexer.Outcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Polled articles through the same write path as embedded (PolledArticleIndexer over an {@link ElasticIndexTarget})
 * into a real 3-node cluster: added, updated (the old passages replaced, none left behind), unchanged, wire copy
 * folded into the indexed story across passes, as PolledArticleIndexerTest checks for the Lucene index.
 */
@ExtendWith(ElasticCluster.Shared.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PolledArticlesElasticIT {
    private static final String PARKS = "The city council approved the new budget for parks and libraries on Monday evening. "
            + "Council members said three branch libraries will open next year and playgrounds will be repaired.";
    private static final String LONG = (PARKS + " ").repeat(12);

    private static Article dated(String id, String outlet, LocalDate published, String body) {
        return new Article(id, "Council approves budget", outlet, published, "https://example.org/" + id, null, null, body,
                "https://example.org/" + id, List.of());
    }

    private static ElasticSettings settings(ElasticCluster cluster, String index) {
        return new ElasticSettings(cluster.hosts(), index, null, null, null, null);
    }

    private static ElasticBackend backend(ElasticCluster cluster, String index) {
        return new ElasticBackend(cluster.client(index), null);
    }

    @Test
    void updatesReplaceThePassagesAndUnchangedArticlesAreLeftAlone(ElasticCluster cluster) throws Exception {
        String index = cluster.newIndex("poll-update");
        PolledArticleIndexer indexer = new PolledArticleIndexer(new ElasticIndexTarget(settings(cluster, index)).opener(),
                new SentenceChunker(), () -> null);
        LocalDate day = LocalDate.of(2022, 12, 21);
        assertThat(indexer.index(List.of(dated("a", "Town Crier", day, LONG)))).containsEntry("a", Outcome.ADDED);
        long longPassages = cluster.count(index, "passage");
        assertThat(longPassages).isGreaterThan(1);

        String shorter = PARKS.replace("three branch libraries", "four branch libraries");
        Map<String, Outcome> second = indexer.index(List.of(dated("a", "Town Crier", day, shorter)));
        assertThat(second).containsEntry("a", Outcome.UPDATED);
        try (ElasticBackend b = backend(cluster, index)) {
            List<Hit> passages = b.catalog().passagesOf("a");
            assertThat(passages).hasSize(1);
            assertThat(passages.getFirst().text()).contains("four branch libraries").doesNotContain("three branch libraries");
            assertThat(b.catalog().articleIds()).containsExactly("a");
        }
        assertThat(cluster.count(index, "passage")).as("the longer version's tail passages are gone").isEqualTo(1);
        assertThat(indexer.index(List.of(dated("a", "Town Crier", day, shorter)))).containsEntry("a", Outcome.UNCHANGED);
    }

    @Test
    void wireCopyArrivingInALaterPassFoldsIntoTheIndexedStory(ElasticCluster cluster) throws Exception {
        String index = cluster.newIndex("poll-fold");
        PolledArticleIndexer indexer = new PolledArticleIndexer(new ElasticIndexTarget(settings(cluster, index)).opener(),
                new SentenceChunker(), () -> null);
        LocalDate day = LocalDate.of(2022, 12, 21);
        assertThat(indexer.index(List.of(dated("wire", "Wire", day, PARKS)))).containsEntry("wire", Outcome.ADDED);
        assertThat(indexer.index(List.of(dated("later", "Later Gazette", day.plusDays(1), PARKS))))
                .containsEntry("later", Outcome.FOLDED);
        try (ElasticBackend b = backend(cluster, index)) {
            assertThat(b.catalog().articleIds()).containsExactly("wire");
            ArticleView wire = b.catalog().article("wire").orElseThrow();
            assertThat(wire.alsoPublishedBy()).containsExactly("Later Gazette (later)");
        }
        // an earlier-published copy becomes the story; the indexed one is removed and folded into it
        assertThat(indexer.index(List.of(dated("first", "First Post", day.minusDays(1), PARKS))))
                .containsEntry("first", Outcome.ADDED);
        try (ElasticBackend b = backend(cluster, index)) {
            assertThat(b.catalog().articleIds()).containsExactly("first");
            assertThat(b.catalog().article("first").orElseThrow().alsoPublishedBy())
                    .containsExactlyInAnyOrder("Wire (wire)", "Later Gazette (later)");
        }
        assertThat(cluster.count(index, "passage")).isEqualTo(1);
    }
}
