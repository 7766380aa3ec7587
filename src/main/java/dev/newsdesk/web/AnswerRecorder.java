package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Question;
import java.util.Optional;

/**
 * Keeps what the web companion answered and the votes on it (the CLI passes the same store {@code ask} and the bot
 * write to), so the insights page counts web questions, their gaps and their feedback too. Never throws: a store
 * that is down must not fail a page.
 */
public interface AnswerRecorder {
    /** Stores nothing (no database configured, or a test without one). */
    AnswerRecorder NONE = new AnswerRecorder() {
        @Override
        public Optional<Long> record(Question question, Answer answer, long latencyMs) {
            return Optional.empty();
        }

        @Override
        public VoteResult vote(long questionId, boolean helpful) {
            return VoteResult.UNAVAILABLE;
        }
    };

    /** What became of a vote. */
    enum VoteResult { RECORDED, NO_SUCH_ANSWER, UNAVAILABLE }

    /** @return the stored question's id, empty when it was not stored */
    Optional<Long> record(Question question, Answer answer, long latencyMs);

    /**
     * A reader's 👍 or 👎 on an answer the web gave (only those: an id from Discord or the CLI is "no such answer",
     * so nobody votes on other people's answers by guessing numbers). Voting again changes the vote.
     */
    VoteResult vote(long questionId, boolean helpful);
}
