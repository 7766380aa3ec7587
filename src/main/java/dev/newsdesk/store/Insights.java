package dev.newsdesk.store;

import java.time.LocalDate;
import java.util.List;

/**
 * What the community asked over a period and how the coverage did: the {@code insights --json} shape (its keys are
 * what other programs read). {@code store} is "ok", or says why the numbers could not be read; then everything
 * else is empty rather than zero, so an outage never reads as a quiet week.
 */
public record Insights(String store, LocalDate since, LocalDate until, long questions, long answered, long abstained,
                       double abstentionRate, Latency latencyMs, Feedback feedback, List<Day> perDay, List<Gap> gaps,
                       List<FlaggedCitation> flaggedCitations, List<Channel> perChannel) {

  /** Median and 95th percentile answer time. */
  public record Latency(long p50, long p95) { }

  public record Feedback(long up, long down, long citationsFlagged) { }

  /** One UTC day: its questions, their median and 95th-percentile answer time, and the votes on them. */
  public record Day(LocalDate day, long questions, long answered, long abstained, long latencyP50Ms, long latencyP95Ms,
                    long up, long down) { }

  /** Abstained questions that share key terms: a topic the coverage does not answer, with one example. */
  public record Gap(List<String> terms, long count, String example) { }

  /** A cited passage reported by users, most reported first, with the reasons given. */
  public record FlaggedCitation(long questionId, int citation, String outlet, String title, String quote, long reports,
                                List<String> reasons) { }

  public record Channel(String channelId, long questions, long abstained) { }

  /** The numbers could not be read: says why, and nothing else. */
  public static Insights unavailable(String reason, LocalDate since, LocalDate until) {
    return new Insights("unavailable: " + reason, since, until, 0, 0, 0, 0, null, null, List.of(), List.of(),
        List.of(), List.of());
  }

  public boolean ok() {
    return "ok".equals(store);
  }
}
