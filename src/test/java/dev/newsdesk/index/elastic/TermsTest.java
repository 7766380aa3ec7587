package dev.newsdesk.index.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.Analyzers;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

class TermsTest {
    @Test
    void valuesSplitWhereStopWordsWereRemovedSoPositionsMatchTheEmbeddedIndex() {
        try (Analyzer a = Analyzers.english()) {
            // leader(0) of the jewish(3) group(4) met(5) with blinken(7): two stop words are one empty value, one is a split
            assertThat(Terms.values(a, "The leaders of the Jewish groups met with Blinken"))
                    .containsExactly("leader", "", "jewish group met", "blinken");
            assertThat(Terms.values(a, "Jewish groups met Blinken")).containsExactly("jewish group met blinken");
            assertThat(Terms.of(a, "The leaders of the Jewish groups")).containsExactly("leader", "jewish", "group");
            assertThat(Terms.values(a, "")).isEmpty();
            assertThat(Terms.values(a, "the of and")).isEmpty();
        }
    }
}
