package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Retriever;
import java.util.Objects;

/**
 * What the web pages use, wired by the CLI exactly as {@code ask}, {@code search} and {@code cite} wire them: the
 * same answerer (answers, lead, citations, abstention), the same retriever with snippets, the same catalog.
 *
 * @param insights the admin page's data; {@link InsightsSource#NONE} when no store is open
 * @param recorder where answers are stored; {@link AnswerRecorder#NONE} when no store is open
 */
public record WebServices(Answerer answerer, Retriever retriever, Catalog catalog, ApiJson json, InsightsSource insights,
                          AnswerRecorder recorder) {
    public WebServices {
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(json, "json");
        insights = insights == null ? InsightsSource.NONE : insights;
        recorder = recorder == null ? AnswerRecorder.NONE : recorder;
    }

    public WebServices(Answerer answerer, Retriever retriever, Catalog catalog, ApiJson json, InsightsSource insights) {
        this(answerer, retriever, catalog, json, insights, AnswerRecorder.NONE);
    }

    /** An answer and the id it was stored under (null when not stored). */
    public record Answered(Answer answer, Long id) {}

    /** Answers as the page and the API do, and stores the question with its latency. */
    Answered ask(Question question) {
        long started = System.nanoTime();
        Answer answer = answerer.answer(question);
        long ms = (System.nanoTime() - started) / 1_000_000;
        return new Answered(answer, recorder.record(question, answer, ms).orElse(null));
    }
}
