package dev.newsdesk.answer;

import java.util.List;

/**
 * A grounded answer. {@code text} carries citation markers "[n]" that refer to {@code citations}.
 *
 * @param abstained true when the coverage does not answer the question; then {@code text} says so and
 *                  {@code citations} lists the closest articles
 * @param answerer which answerer produced the text ("extractive", "openai", ...)
 * @param note a short note for the reader (e.g. "the chat model timed out; showing quoted sentences"), or null
 * @param sentences per-sentence citation checks, empty for extractive answers (verbatim by construction)
 * @param lead the answer stated first in a few verbatim words ("Google."), with its citations; null when the
 *             coverage supports no such short answer (never guessed)
 */
public record Answer(String question, String text, boolean abstained, List<Citation> citations, String answerer,
                     String note, List<SentenceCheck> sentences, Lead lead) {
    public Answer {
        citations = List.copyOf(citations);
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
        if (lead != null) {
            for (int n : lead.citations()) {
                if (n < 1 || n > citations.size()) {
                    throw new IllegalArgumentException("lead cites [" + n + "] but the answer has " + citations.size() + " citations");
                }
            }
        }
    }

    /** An answer without a lead. */
    public Answer(String question, String text, boolean abstained, List<Citation> citations, String answerer,
                  String note, List<SentenceCheck> sentences) {
        this(question, text, abstained, citations, answerer, note, sentences, null);
    }

    /** The same answer with {@code newLead} (null: none). */
    public Answer withLead(Lead newLead) {
        return new Answer(question, text, abstained, citations, answerer, note, sentences, newLead);
    }

    /** @param supportedBy the citation numbers whose passage supports the sentence */
    public record SentenceCheck(String sentence, List<Integer> cited, boolean checked, boolean supported,
                                double support, List<Integer> supportedBy) {
        /**
         * The same check with citation numbers mapped into another numbering (a summary's or comparison's, when the
         * checker numbered only the sources one model call saw); numbers without a mapping are dropped.
         */
        public SentenceCheck renumbered(java.util.Map<Integer, Integer> numbers) {
            return new SentenceCheck(sentence, map(cited, numbers), checked, supported, support, map(supportedBy, numbers));
        }

        private static List<Integer> map(List<Integer> list, java.util.Map<Integer, Integer> numbers) {
            return list.stream().filter(numbers::containsKey).map(numbers::get).toList();
        }
    }
}
