package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Lexicon;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The question's content terms, analysed as the index analyses text and weighted by idf; repeated terms count once.
 * Years, months and weekdays are left out: they say when ("in February 2024"), which retrieval turns into a date
 * filter, and articles rarely repeat their own date.
 *
 * @param total the sum of the weights (0: the question has no content word the index knows)
 */
public record QuestionTerms(Map<String, Double> weights, double total) {
    public QuestionTerms {
        weights = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public static QuestionTerms of(String question, Lexicon lexicon) {
        Map<String, Double> w = new LinkedHashMap<>();
        StringBuilder what = new StringBuilder();
        for (String word : question.split("\\s+")) {
            String bare = word.replaceAll("[^\\p{L}\\p{N}]", "");
            if (!dev.newsdesk.retrieve.QueryPlanner.isCalendarWord(bare) && !bare.matches("(19|20)\\d{2}")) what.append(word).append(' ');
        }
        for (String t : new LinkedHashSet<>(lexicon.queryTerms(what.toString()))) w.put(t, lexicon.idf(t));
        return new QuestionTerms(w, w.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    /** The summed weight of the question's terms among {@code terms}. */
    public double coverage(Set<String> terms) {
        double sum = 0;
        for (var e : weights.entrySet()) if (terms.contains(e.getKey())) sum += e.getValue();
        return sum;
    }
}
