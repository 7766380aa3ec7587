package dev.newsdesk.coverage;

/**
 * Knobs of coverage analysis; {@link #DEFAULTS} were set on the seed corpus and checked for speed on the
 * news-scale set ({@code newsdesk bench summary}).
 *
 * @param passages passages retrieved for a topic (1..1000, the retriever's limit)
 * @param sentencesPerPassage most candidate sentences kept from one passage (the most topical ones)
 * @param maxSentences most candidate sentences grouped in total (the most topical ones): bounds the grouping work
 * @param maxEmbedded most sentences embedded when an embedding model is given (the rest group lexically)
 * @param lexicalThreshold least cosine (idf-weighted terms) between a sentence and a group's centroid to join it.
 *                         Idf comes from passage document frequencies, so it shifts when chunking changes: 0.25 was
 *                         set with paragraph-bounded passages; with passages packed to 256 tokens (fewer, longer)
 *                         the seed corpus's same-event sentences (e.g. JNS and Iran International on Biden and
 *                         Netanyahu) scored just under it, and 0.22 restores those groups
 * @param blendedThreshold the same with embeddings: 0.5 lexical + 0.5 embedding cosine
 * @param topicWeight factor on the weight of topic terms in similarity: every sentence shares them, so they say
 *                    little about whether two sentences report the same thing
 * @param maxPoints most points in a summary
 */
public record CoverageSettings(int passages, int sentencesPerPassage, int maxSentences, int maxEmbedded,
                               double lexicalThreshold, double blendedThreshold, double topicWeight, int maxPoints) {
    public static final CoverageSettings DEFAULTS = new CoverageSettings(120, 12, 1500, 300, 0.22, 0.45, 0.3, 7);

    public CoverageSettings {
        if (passages < 1 || passages > 1000) throw new IllegalArgumentException("passages " + passages + " is outside 1..1000");
        if (sentencesPerPassage < 1) throw new IllegalArgumentException("sentencesPerPassage must be >= 1");
        if (maxSentences < 1) throw new IllegalArgumentException("maxSentences must be >= 1");
        if (maxPoints < 1) throw new IllegalArgumentException("maxPoints must be >= 1");
    }

    public CoverageSettings withPassages(int n) {
        return new CoverageSettings(n, sentencesPerPassage, maxSentences, maxEmbedded, lexicalThreshold,
                blendedThreshold, topicWeight, maxPoints);
    }
}
