package dev.newsdesk.retrieve;

import java.util.Set;

/**
 * Words that frame a question rather than say what it is about ("what did ... say about ..."), as analyzed
 * (stemmed) terms. Lucene's English stop set is tuned for documents and keeps them; left in a question they
 * reward passages that merely contain "did" or "about".
 */
public final class QuestionFraming {
    private QuestionFraming() {}

    public static final Set<String> TERMS = Set.of("what", "did", "do", "doe", "done", "who", "whom", "whose", "which",
            "when", "where", "why", "how", "about", "ha", "have", "had", "been", "were", "can", "could", "would",
            "should", "i", "me", "my", "you", "your", "we", "our", "any", "some", "all", "tell", "us", "know", "between",
            "accord", "report", "articl", "coverag", "news", "s", "both", "same", "than", "from", "after", "before",
            "dure", "while", "also", "other", "more", "most", "wa", "ar", "so", "too", "veri", "just");

    public static boolean isFraming(String term) {
        return TERMS.contains(term);
    }

    /** A question's analyzed terms in order, framing words dropped unless nothing else is left (both backends). */
    public static java.util.List<String> content(java.util.List<String> terms) {
        java.util.List<String> content = terms.stream().filter(t -> !isFraming(t)).toList();
        return content.isEmpty() ? terms : content;
    }
}
