package dev.newsdesk.answer;

import dev.newsdesk.retrieve.Filters;
import java.util.List;

/**
 * @param text the question as asked
 * @param history earlier turns of a conversation (thread follow-ups), oldest first; empty for a fresh question
 */
public record Question(String text, Filters filters, List<Turn> history) {
    /** Longest question accepted; longer ones are rejected with a message, not truncated silently. */
    public static final int MAX_CHARS = 2000;

    public Question {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("the question is empty; ask something about the coverage");
        text = text.strip();
        if (text.length() > MAX_CHARS) {
            throw new IllegalArgumentException("the question is " + text.length() + " characters long; keep it under "
                    + MAX_CHARS + " characters");
        }
        filters = filters == null ? Filters.NONE : filters;
        history = history == null ? List.of() : List.copyOf(history);
    }

    public Question(String text) {
        this(text, Filters.NONE, List.of());
    }

    public record Turn(String question, String answer) {}
}
