package dev.newsdesk.answer;

import java.util.List;

/**
 * The answer in a few words, stated before the supporting sentences: "Google." or "Yes: both outlets report it."
 * The span part is copied verbatim from the cited passages; it is never generated.
 *
 * @param text      what the reader sees first, at most {@value #MAX_WORDS} words, without citation markers
 * @param span      the verbatim words the lead states (the answer itself), or null for a yes/no lead
 * @param kind      the answer type the question asked for ("person", "organization", "yes-no", ...)
 * @param citations the answer's citation numbers whose quotes contain the span (or support the yes/no), ascending
 */
public record Lead(String text, String span, String kind, List<Integer> citations) {
    public static final int MAX_WORDS = 12;

    public Lead {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a lead needs text");
        if (text.strip().split("\\s+").length > MAX_WORDS) {
            throw new IllegalArgumentException("lead '" + text + "' is longer than " + MAX_WORDS + " words");
        }
        citations = citations == null ? List.of() : List.copyOf(citations);
        if (citations.isEmpty()) throw new IllegalArgumentException("lead '" + text + "' cites nothing; a lead must be cited");
    }

    /** "Google. [1][2]": the lead with its citation markers, as the first line of a text answer. */
    public String withMarkers() {
        StringBuilder sb = new StringBuilder(text);
        sb.append(' ');
        for (int n : citations) sb.append('[').append(n).append(']');
        return sb.toString();
    }
}
