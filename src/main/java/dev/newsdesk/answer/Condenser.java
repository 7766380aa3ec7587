package dev.newsdesk.answer;

/**
 * Turns a follow-up into a question that stands on its own ("and Gantz?" after a question about Blinken), so
 * retrieval sees what the reader means. The first stage of {@link ChatAnswerer}; LangChain4j calls it a query
 * transformer. Implementations never fail: on any trouble they return something searchable.
 */
@FunctionalInterface
public interface Condenser {
    String standalone(Question question);

    /** No rewriting: the question as asked (the offline path, and questions without history). */
    Condenser NONE = Question::text;
}
