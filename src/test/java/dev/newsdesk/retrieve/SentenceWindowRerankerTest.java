package dev.newsdesk.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The second stage on hand-made passages, with a lexicon that splits on spaces and weighs every term 1. */
class SentenceWindowRerankerTest {
    static final Lexicon PLAIN = new Lexicon() {
        @Override
        public List<String> terms(String text) {
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).filter(t -> !t.isEmpty()).toList();
        }

        @Override
        public long docFreq(String term) {
            return 1;
        }

        @Override
        public double idf(String term) {
            return 1;
        }
    };

    static Hit hit(String id, String text) {
        return new Hit(id, id, 0, 0, text.length(), text, "headline", "o", LocalDate.of(2024, 1, 1), null, 0, text);
    }

    @Test
    void aPassageWhoseSentencesStateTheFactTogetherOvertakesOneThatScattersTheWords() {
        Hit scattered = hit("scattered", "Regulators met on Monday. Nothing was said. The weather was mild. "
                + "Analysts expected little. Later a fine was mentioned. Markets closed.");
        Hit together = hit("together", "Markets were calm. Regulators imposed a fine on the bank. Shares fell.");
        Hit unrelated = hit("unrelated", "Nothing of the kind.");
        List<Hit> out = new SentenceWindowReranker(PLAIN, new SentenceWindowReranker.Settings(30, 2, 0.5))
                .rerank("regulators fine bank", List.of(unrelated, scattered, together));
        // unrelated 1/1 + 0; scattered 1/2 + 0.5 * 1/3 (no two sentences hold more than one of the three terms);
        // together 1/3 + 0.5 * 3/3. A move of one place, never a leap over a first hit twice as strong.
        assertThat(out).extracting(Hit::passageId).containsExactly("unrelated", "together", "scattered");
        assertThat(out.get(1).score()).isCloseTo(1.0 / 3 + 0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(out.get(2).score()).isCloseTo(0.5 + 0.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void weightZeroAndPassagesBelowTheDepthKeepTheirOrder() {
        List<Hit> fused = List.of(hit("x", "Nothing here."), hit("a", "Nothing here."), hit("b", "Regulators fine bank."),
                hit("c", "Regulators fine bank."));
        assertThat(new SentenceWindowReranker(PLAIN, new SentenceWindowReranker.Settings(30, 2, 0)).rerank("regulators fine bank", fused))
                .isSameAs(fused);
        assertThat(new SentenceWindowReranker(PLAIN, new SentenceWindowReranker.Settings(3, 2, 0.5)).rerank("regulators fine bank", fused))
                .extracting(Hit::passageId).containsExactly("x", "b", "a", "c");
    }
}
