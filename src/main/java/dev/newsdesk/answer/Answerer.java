package dev.newsdesk.answer;

/**
 * Turns a question into a grounded answer. Implementations never throw for provider trouble: they
 * degrade to an extractive answer with a note. Thread-safe.
 */
@FunctionalInterface
public interface Answerer {
    Answer answer(Question question);
}
