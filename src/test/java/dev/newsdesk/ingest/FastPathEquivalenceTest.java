package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ingest's hand-written fast paths must give exactly what the simpler code they replaced gave, or the cleaned text,
 * the passages and the near-duplicate folding of an existing corpus would change. Each test runs the old code as
 * the oracle on fixed tricky inputs and on random strings drawn from an alphabet of the awkward cases.
 */
class FastPathEquivalenceTest {
    /** ASCII, Latin-1, Greek capital sigma (final-sigma rule), dotted I, a math digit and an emoji (surrogate
     *  pairs), lone surrogates, combining marks, letter and other numbers, modifier letters, odd spaces. */
    private static final String[] ALPHABET = {"a", "Z", "0", "9", " ", ".", ",", "'", "’", "\"", "-", "\n", "\t", "é",
            "Ö", "ß", "Σ", "ς", "İ", "ı", "𝟙", "😀", "\uD800", "\uDC00", "\u0301", "Ⅻ", "½", "ʰ", "ǅ", "\u00A0",
            "\u200B", "\uFEFF", "٣", "中", "_", "$", "%", "…"};

    static String random(Random r, int maxLen) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(maxLen + 1);
        for (int i = 0; i < n; i++) sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    @Test
    void comparableMatchesTheRegexItReplaces() {
        String[] fixed = {"", "Ad sales boost Time Warner profit", "‘Quoted’ HEADLINE, with — dashes!", "ΟΔΥΣΣΕΥΣ",
                "İstanbul", "Ⅻ chapters ½ done", "emoji 😀 and 𝟙", "\uD800 lone", "e\u0301"};
        for (String s : fixed) assertThat(ArticleAssembler.comparable(s)).as(s).isEqualTo(oldComparable(s));
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, 40);
            assertThat(ArticleAssembler.comparable(s)).as(s).isEqualTo(oldComparable(s));
        }
    }

    private static String oldComparable(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
