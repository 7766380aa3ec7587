package dev.newsdesk.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts tokens the way the chunker measures passages: a token is a run of letters, a run of digits, or a single
 * other non-whitespace character. This approximates a BERT "basic" tokenizer before word-piece splitting, so a
 * passage of n tokens here is about n..1.3n word pieces for English news text. Stateless and thread-safe.
 */
public final class TokenCounter {
    private TokenCounter() {
    }

    public static int count(CharSequence text) {
        return count(text, 0, text.length());
    }

    public static int count(CharSequence text, int start, int end) {
        int n = 0;
        int kind = 0; // 0 none/space, 1 letters, 2 digits, 3 other
        for (int i = start; i < end; i++) {
            int k = kindOf(text.charAt(i));
            if (k == 3 || (k != 0 && k != kind)) n++;
            kind = k;
        }
        return n;
    }

    /** The token spans of {@code text[start,end)}, in order. */
    public static List<Span> tokens(CharSequence text, int start, int end) {
        List<Span> out = new ArrayList<>();
        int i = start;
        while (i < end) {
            int k = kindOf(text.charAt(i));
            if (k == 0) {
                i++;
                continue;
            }
            int j = i + 1;
            if (k != 3) while (j < end && kindOf(text.charAt(j)) == k) j++;
            out.add(new Span(i, j));
            i = j;
        }
        return out;
    }

    /** {@link #kindOfAny} for the ASCII chars, which are nearly all of English news text; never written after init. */
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) ASCII_KIND[c] = (byte) kindOfAny(c);
    }

    /** 0 whitespace, 1 letter, 2 digit, 3 other. */
    private static int kindOf(char c) {
        return c < 128 ? ASCII_KIND[c] : kindOfAny(c);
    }

    static int kindOfAny(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return 0;
        // Surrogate halves of letters (rare in news) count as letters so an emoji pair is not two tokens apart.
        if (Character.isLetter(c) || Character.isSurrogate(c) || Character.getType(c) == Character.NON_SPACING_MARK) return 1;
        if (Character.isDigit(c)) return 2;
        return 3;
    }
}
