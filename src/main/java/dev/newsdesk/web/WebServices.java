package dev.newsdesk.web;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Retriever;
import java.util.Objects;

/**
 * What the web pages use, wired by the CLI exactly as {@code ask}, {@code search} and {@code cite} wire them: the
 * same answerer (answers, lead, citations, abstention), the same retriever with snippets, the same catalog.
 *
 * @param insights the admin page's data; {@link InsightsSource#NONE} when no store is open
 */
public record WebServices(Answerer answerer, Retriever retriever, Catalog catalog, ApiJson json, InsightsSource insights) {
    public WebServices {
        Objects.requireNonNull(answerer, "answerer");
        Objects.requireNonNull(retriever, "retriever");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(json, "json");
        insights = insights == null ? InsightsSource.NONE : insights;
    }
}
