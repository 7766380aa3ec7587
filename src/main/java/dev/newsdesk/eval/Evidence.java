package dev.newsdesk.eval;

import java.util.Objects;

/**
 * One gold evidence item of a MultiHop-RAG query: the article it comes from and the fact sentence
 * that the benchmark's metric looks for in retrieved passages.
 *
 * @param publishedAt as in the file (ISO-8601 with offset, e.g. "2023-09-28T12:00:00+00:00")
 * @param author null when the file has none
 */
public record Evidence(String title, String author, String url, String source, String category, String publishedAt,
                       String fact) {
    public Evidence {
        Objects.requireNonNull(fact, "fact");
        if (fact.isBlank()) throw new IllegalArgumentException("evidence fact is blank (article '" + title + "')");
    }
}
