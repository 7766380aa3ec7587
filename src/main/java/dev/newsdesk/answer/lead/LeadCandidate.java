package dev.newsdesk.answer.lead;

import java.util.List;

/**
 * A span that could be the lead, with the evidence for it.
 *
 * @param text      the span as it first occurs in the best supporting sentence (verbatim)
 * @param key       the span compared case- and punctuation-insensitively ({@link SpanFinder#key})
 * @param features  the scoring features, in {@link #FEATURES} order
 * @param hit       the passage holding {@code text}'s occurrence
 * @param hitRank   the retrieval rank of the passage holding {@code text}'s occurrence
 * @param start     that occurrence's sentence, as offsets in the article's cleaned text
 * @param sentence  that sentence
 */
public record LeadCandidate(String text, String key, double[] features, dev.newsdesk.retrieve.Hit hit, int hitRank, int start, int end, String sentence) {
    /** Feature names, in order. */
    public static final List<String> FEATURES = List.of(
            "articles",         // log(1 + distinct articles whose passages hold the span)
            "namedOutlets",     // share of the outlets the question names that hold it
            "closeness",        // best share of the question's weighted terms in a sentence holding it
            "typeFit",          // 1 fits the asked type, 0 unknown, -1 does not
            "position",         // 1 / (1 + rank of the first passage holding it)
            "inAnswer",         // 1 when one of the answer's chosen sentences holds it
            "repeatsQuestion",  // share of its words the question already has
            "mentions",         // log(1 + occurrences)
            "adjacent");        // best share of the question's weighted terms in the few words around an occurrence

    public LeadCandidate {
        features = features.clone();
    }

    @Override
    public double[] features() {
        return features.clone();
    }
}
