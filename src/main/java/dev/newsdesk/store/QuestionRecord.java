package dev.newsdesk.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One asked question and the answer given, as stored. {@code id} is 0 until the store assigns one.
 * Guild, channel and thread are null for the command line.
 */
public record QuestionRecord(long id, Instant askedAt, Surface surface, String guildId, String channelId,
                             String threadId, String userId, String question, String answer,
                             List<StoredCitation> citations, boolean abstained, String answerer, long latencyMs) {

  /** Where a question came from. */
  public enum Surface { DISCORD, CLI, WEB }

  public QuestionRecord {
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(surface, "surface");
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    Objects.requireNonNull(question, "question");
    answer = answer == null ? "" : answer;
    citations = citations == null ? List.of() : List.copyOf(citations);
    answerer = answerer == null ? "" : answerer;
    if (latencyMs < 0) {
      throw new IllegalArgumentException("latencyMs must be >= 0, got " + latencyMs);
    }
  }

  /** The same record with the id the store assigned. */
  public QuestionRecord withId(long newId) {
    return new QuestionRecord(newId, askedAt, surface, guildId, channelId, threadId, userId, question, answer,
        citations, abstained, answerer, latencyMs);
  }
}
