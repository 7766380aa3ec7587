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

    @Test
    void minHashSignatureMatchesTheUnsignedCompareLoopItReplaces() {
        Random r = new Random(11);
        for (int i = 0; i < 3_000; i++) {
            String s = random(r, 300);
            long[] words = NearDuplicates.wordHashes(s);
            assertThat(words).as(s).isEqualTo(oldWordHashes(s));
            if (words.length > 0) assertThat(NearDuplicates.minHash(words)).as(s).isEqualTo(oldSignature(words));
        }
        // words whose hashes make h_i land on both sides of 2^63, and the initial Long.MAX_VALUE
        for (long w = -40; w < 40; w++) {
            long[] words = {w, w * 31, Long.MIN_VALUE + w, Long.MAX_VALUE - w, 0, 1};
            assertThat(NearDuplicates.minHash(words)).isEqualTo(oldSignature(words));
        }
    }

    private static long[] oldSignature(long[] words) {
        long[] a = new long[NearDuplicates.HASHES];
        long[] b = new long[NearDuplicates.HASHES];
        long seed = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < NearDuplicates.HASHES; i++) {
            seed = NearDuplicates.mix(seed + 0x9E3779B97F4A7C15L);
            a[i] = seed | 1L;
            seed = NearDuplicates.mix(seed + 0x9E3779B97F4A7C15L);
            b[i] = seed;
        }
        long[] sig = new long[NearDuplicates.HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        int shingles = Math.max(1, words.length - 5 + 1);
        for (int s = 0; s < shingles; s++) {
            long h = 0;
            for (int w = s; w < Math.min(words.length, s + 5); w++) h = NearDuplicates.mix(h * 31 + words[w]);
            for (int k = 0; k < NearDuplicates.HASHES; k++) {
                long v = a[k] * h + b[k];
                if ((v ^ Long.MIN_VALUE) < (sig[k] ^ Long.MIN_VALUE)) sig[k] = v;
            }
        }
        return sig;
    }

    private static long[] oldWordHashes(String text) {
        long[] out = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        long h = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                h = h * 1_000_003L + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
                out[n++] = NearDuplicates.mix(h);
                h = 0;
                inWord = false;
            }
        }
        if (inWord) {
            if (n == out.length) out = java.util.Arrays.copyOf(out, n + 1);
            out[n++] = NearDuplicates.mix(h);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    @Test
    void theHeadlinePrefilterNeverRejectsAParagraphThatCouldEqualTheTitle() {
        Random r = new Random(13);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, 60);
            // s's own comparable form has the length of any title it could equal
            assertThat(ArticleAssembler.asciiLettersOrDigitsOver(s, ArticleAssembler.comparable(s).length())).as(s).isFalse();
        }
    }

    @Test
    void collapseSpacesMatchesTheCopyingLoop() {
        String[] fixed = {"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00A0b", "a\u200Bb", "\uFEFFa", "a\u0001b", "a\u007Fb"};
        for (String s : fixed) assertThat(Cleaner.collapseSpaces(s)).as(s).isEqualTo(oldCollapseSpaces(s));
        Random r = new Random(17);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, 30);
            assertThat(Cleaner.collapseSpaces(s)).as(s).isEqualTo(oldCollapseSpaces(s));
        }
    }

    @Test
    void tokenCountsMatchTheCharacterClassCalls() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String s = "x" + c + c + "1" + c;
            assertThat(TokenCounter.count(s)).as("char %04x", (int) c).isEqualTo(oldCount(s));
        }
        Random r = new Random(19);
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, 40);
            assertThat(TokenCounter.count(s)).as(s).isEqualTo(oldCount(s));
            assertThat(TokenCounter.tokens(s, 0, s.length())).as(s).hasSize(oldCount(s));
        }
    }

    private static int oldCount(String text) {
        int n = 0;
        int kind = 0;
        for (int i = 0; i < text.length(); i++) {
            int k = TokenCounter.kindOfAny(text.charAt(i));
            if (k == 3 || (k != 0 && k != kind)) n++;
            kind = k;
        }
        return n;
    }

    private static String oldCollapseSpaces(String line) {
        StringBuilder sb = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF') {
                space = true;
            } else {
                if (space && !sb.isEmpty()) sb.append(' ');
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oldComparable(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
