package dev.newsdesk.retrieve;

import java.util.List;

/**
 * The index's view of words: how text is analyzed (stemmed, stop words dropped) and how rare each term is. Lets
 * answerers weigh sentence overlap the way retrieval does without touching Lucene. Thread-safe.
 */
public interface Lexicon {
    /** Analyzed terms of {@code text}, in order, with repeats. */
    List<String> terms(String text);

    /** Analyzed terms of a question, without the words that only frame it ({@link QuestionFraming}). */
    default List<String> queryTerms(String question) {
        List<String> all = terms(question);
        List<String> content = all.stream().filter(t -> !QuestionFraming.isFraming(t)).toList();
        return content.isEmpty() ? all : content;
    }

    /** Number of passages containing an analyzed term (0: the coverage never uses the word). */
    long docFreq(String term);

    /** Inverse document frequency of an analyzed term over passages (higher = rarer); unseen terms get the maximum. */
    double idf(String term);
}
