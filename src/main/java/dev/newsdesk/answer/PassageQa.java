package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Hit;
import java.util.List;

/**
 * Answers a question from given passages with the bare answer text (a word or entity), as benchmarks ask for:
 * no citations, no checking. Used by {@code eval} to score a chat model with a benchmark's own answer rule.
 */
@FunctionalInterface
public interface PassageQa {
    /**
     * @return the model's reply as written
     * @throws RuntimeException when the model cannot be reached or fails; the caller counts it as a failure
     */
    String answer(String question, List<Hit> passages);
}
