package dev.newsdesk.answer;

import java.nio.charset.StandardCharsets;

/**
 * Links that open an article scrolled to a quote and highlight it: a URL Fragment Text Directive
 * ({@code #:~:text=start,end}, WICG "URL Fragment Text Directives"). Pure functions; thread-safe.
 *
 * <p>Short quotes become one {@code text=} term; longer ones {@code textStart,textEnd} (the first and last
 * {@value #EDGE_WORDS} words), which survive markup inside the quote better. Every character but ASCII letters,
 * digits and {@code . _ ~} is percent-encoded as UTF-8, so '-', ',' and '&' (which the directive's syntax uses) and
 * spaces ({@code %20}) are always encoded.
 */
public final class TextFragments {
    static final int EDGE_WORDS = 4;

    private TextFragments() {}

    /**
     * {@code url} with a text directive for {@code quote}; {@code url} unchanged when it is not http(s), already holds
     * a directive, or the quote has no words.
     */
    public static String link(String url, String quote) {
        if (url == null) return null;
        String u = url.strip();
        String lower = u.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || u.contains(":~:")) return url;
        String directive = directive(quote);
        if (directive.isEmpty()) return url;
        return u + (u.contains("#") ? ":~:" : "#:~:") + directive;
    }

    /** "text=start,end" (or "text=quote" for a short one), encoded; "" when the quote has no words. */
    public static String directive(String quote) {
        if (quote == null || quote.isBlank()) return "";
        String[] words = quote.strip().split("\\s+");
        if (words.length <= 2 * EDGE_WORDS) return "text=" + encode(String.join(" ", words));
        String start = String.join(" ", java.util.Arrays.copyOfRange(words, 0, EDGE_WORDS));
        String end = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - EDGE_WORDS, words.length));
        return "text=" + encode(start) + "," + encode(end);
    }

    /** Percent-encodes all but ASCII letters, digits and ". _ ~" (so '-', ',', '&' and ' ' are encoded). */
    public static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
