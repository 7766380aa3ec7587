package dev.newsdesk.discord;

import dev.newsdesk.answer.Answer;
import java.util.List;

/**
 * Compares how outlets covered a topic, as a cited {@link Answer}. Thread-safe; may be slow.
 *
 * @see Features
 */
@FunctionalInterface
public interface CompareService {
    /** @param outlets outlets to compare; empty means "the outlets with the most coverage of the topic" */
    Answer compare(String topic, List<String> outlets);
}
