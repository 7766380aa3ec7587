package dev.newsdesk.web;

import java.time.LocalDate;
import java.util.List;

/** The numbers the admin page draws, read from the store when the page is opened. Thread-safe. */
@FunctionalInterface
public interface Insights {
    Report report(int days);

    /** No store: the page says so instead of drawing empty charts. */
    Insights NONE = days -> null;

    /** One day of questions. */
    record Day(LocalDate day, int answered, int abstained, long medianLatencyMs, int votesUp, int votesDown) {
        public int questions() {
            return answered + abstained;
        }
    }

    /** A question the coverage did not answer, with how often it was asked. */
    record Gap(String question, int count) {}

    /** A reported citation with its reason. */
    record Flag(long questionId, String question, int citation, String reason) {}

    /** A polled source's state (empty until live coverage is configured). */
    record SourceStatus(String source, String lastPolled, String status) {}

    record Report(List<Day> days, List<Gap> gaps, List<Flag> flags, List<SourceStatus> sources, String note) {}
}
