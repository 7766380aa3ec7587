package dev.newsdesk.coverage;

import dev.newsdesk.retrieve.Hit;
import java.time.LocalDate;

/**
 * One candidate sentence of the coverage: its passage, its exact span in the cleaned article text
 * ({@code hit.start()} + offset within the passage), and how relevant it is to the topic.
 *
 * @param start offset of the sentence in the article's cleaned text
 * @param relevance topic relevance in [0, 1]: the idf-weighted share of topic terms in the sentence, blended with
 *                  the share in its whole passage
 */
public record CoverageSentence(Hit hit, int start, int end, String text, double relevance, int[] termIds,
                               float[] weights, float[] dense) {
    public String articleId() {
        return hit.articleId();
    }

    public String outlet() {
        return hit.outlet() == null || hit.outlet().isBlank() ? "unknown outlet" : hit.outlet();
    }

    public LocalDate published() {
        return hit.published();
    }

    /** Identity of the span, for de-duplicating citations. */
    String key() {
        return hit.articleId() + "@" + start + "-" + end;
    }
}
