package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Question;
import java.util.Optional;

/**
 * Keeps what the web companion answered (the CLI passes the same store {@code ask} and the bot write to), so the
 * insights page counts web questions and their gaps too. Never throws: a store that is down must not fail a page.
 */
@FunctionalInterface
public interface AnswerRecorder {
    /** Stores nothing (no database configured, or a test without one). */
    AnswerRecorder NONE = (question, answer, latencyMs) -> Optional.empty();

    /** @return the stored question's id, empty when it was not stored */
    Optional<Long> record(Question question, Answer answer, long latencyMs);
}
