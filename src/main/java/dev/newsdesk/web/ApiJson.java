package dev.newsdesk.web;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.retrieve.Hit;
import java.util.List;

/**
 * The JSON shapes the CLI prints, so /api/* and {@code --json} cannot drift apart: the CLI passes its own
 * serializers in ({@code ask --json}, {@code search --json}, {@code cite --json}).
 */
public interface ApiJson {
    /** The {@code ask --json} shape; {@code id} is the stored question's id, null when it was not stored. */
    String answer(Answer answer, Long id);

    /** The {@code search --json} shape. */
    String search(String query, List<Hit> hits);

    /** Any other record (an article as {@code cite --json} prints it, an error) with the same JSON settings. */
    String value(Object value);
}
