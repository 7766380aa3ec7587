package dev.newsdesk.store;

import java.time.Instant;
import java.util.List;

/** Questions and their answers. Implementations are thread-safe; every method is one short transaction. */
public interface QuestionRepository {

  /** Stores the question and returns its id. */
  long record(QuestionRecord question);

  /** One stored question, if it is still there (retention and forget delete). */
  java.util.Optional<QuestionRecord> byId(long id);

  /** The most recent questions, newest first, at most {@code limit}. */
  List<QuestionRecord> recent(int limit);

  /** Questions asked in one thread, oldest first (for follow-ups after a restart). */
  List<QuestionRecord> inThread(String threadId);

  /** Deletes questions asked before {@code cutoff}; returns how many. */
  int purgeOlderThan(Instant cutoff);

  /** Deletes every question of one user; returns how many. */
  int forgetUser(String userId);
}
