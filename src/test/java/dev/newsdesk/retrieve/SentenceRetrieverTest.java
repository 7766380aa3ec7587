package dev.newsdesk.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.index.IngestListener;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sentence-level retrieval over a real index on disk, written by the real ingest. */
class SentenceRetrieverTest {
    @TempDir
    Path dir;

    /** Every article is published on 2024-03-01 except "scattered", on 2024-03-09. */
    private void article(String id, String outlet, String body) throws IOException {
        String day = id.equals("scattered") ? "09" : "01";
        Files.writeString(dir.resolve("corpus").resolve(id + ".md"), "---\nid: " + id + "\ntitle: \"Markets " + id
                + "\"\noutlet: " + outlet + "\npublished: 2024-03-" + day + "\n---\n" + body + "\n");
    }

    private void ingest() throws IOException {
        new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                .run(List.of(dir.resolve("corpus")), dir.resolve("index"), true, IngestListener.NONE);
    }

    @Test
    void findsThePassageWhoseOneSentenceStatesTheFactAndHonoursFilters() throws IOException {
        Files.createDirectories(dir.resolve("corpus"));
        // Passage BM25 prefers "scattered": every word three times in a short passage. Only "together" has one
        // sentence that says what the question asks.
        article("scattered", "The Ledger", "Regulators met again. Regulators said little. Regulators left. The fine print "
                + "was read. A fine day. It was fine. The bank opened. The bank closed. The bank hired.");
        article("together", "The Ledger", "Shares of lenders were mixed on Tuesday as traders weighed the outlook for "
                + "interest rates and the housing market. Regulators imposed a fine on the bank for misleading savers. "
                + "Analysts said the sector had weathered a difficult year and expected earnings to recover slowly "
                + "as deposit costs eased across the country.");
        article("elsewhere", "Other Times", "Regulators imposed a fine on the bank, the second this year.");
        ingest();
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
            SearchRequest ledger = new SearchRequest("regulators fine bank", new Filters(List.of("The Ledger"), null, null), 5);
            assertThat(new Bm25Retriever(index, false).search(ledger).getFirst().articleId()).isEqualTo("scattered");

            List<Hit> hits = new SentenceRetriever(index).search(ledger);
            assertThat(hits).extracting(Hit::articleId).containsExactly("together", "scattered");
            Hit first = hits.getFirst();
            // The passage is returned whole, with its citation metadata, not the sentence that found it.
            assertThat(first.text()).startsWith("Shares of lenders").contains("Regulators imposed a fine on the bank");
            assertThat(first.passageId()).isEqualTo("together:0");
            assertThat(first.outlet()).isEqualTo("The Ledger");
            assertThat(first.title()).isEqualTo("Markets together");
            assertThat(first.score()).isGreaterThan(hits.get(1).score());
            // With snippets on, the passage carries the question's words marked, as a passage search marks them.
            assertThat(new SentenceRetriever(index, true).search(ledger).getFirst().snippet())
                    .contains("**Regulators imposed a fine on the bank**").doesNotContain("Shares of lenders");

            // Unfiltered, the other outlet's one-sentence article is found too; a date filter applies to sentences.
            assertThat(new SentenceRetriever(index).search(new SearchRequest("regulators fine bank", Filters.NONE, 5)))
                    .extracting(Hit::articleId).contains("elsewhere");
            var march9 = java.time.LocalDate.of(2024, 3, 9);
            assertThat(new SentenceRetriever(index).search(new SearchRequest("regulators fine bank",
                    new Filters(List.of(), march9, march9), 5))).extracting(Hit::articleId).containsExactly("scattered");
        }
    }

    @Test
    void anArticleChangedOrRemovedTakesItsSentencesWithIt() throws IOException {
        Files.createDirectories(dir.resolve("corpus"));
        article("story", "The Ledger", "Regulators imposed a fine on the bank. Shares fell.");
        article("other", "The Ledger", "A bakery opened downtown.");
        ingest();
        article("story", "The Ledger", "The bank said it would appeal. Shares rose.");
        Files.delete(dir.resolve("corpus").resolve("other.md"));
        ingest();
        try (LuceneIndex index = LuceneIndex.open(dir.resolve("index"))) {
            SentenceRetriever sentences = new SentenceRetriever(index);
            assertThat(sentences.search(new SearchRequest("regulators imposed fine", Filters.NONE, 5))).isEmpty();
            assertThat(sentences.search(new SearchRequest("bakery opened", Filters.NONE, 5))).isEmpty();
            assertThat(sentences.search(new SearchRequest("appeal", Filters.NONE, 5))).extracting(Hit::passageId)
                    .containsExactly("story:0");
        }
    }
}
