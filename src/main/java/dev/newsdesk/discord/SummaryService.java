package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.retrieve.Filters;

/** Summarises the coverage of a topic into a cited {@link Answer}. Thread-safe; may be slow. */
@FunctionalInterface
public interface SummaryService {
    Answer summarise(String topic, Filters filters);
}
