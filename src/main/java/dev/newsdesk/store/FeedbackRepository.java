package dev.newsdesk.store;

import java.util.List;
import java.util.Optional;

/** Votes and citation reports on stored answers. Thread-safe; each method is one short transaction. */
public interface FeedbackRepository {

  /** An up or down vote. */
  enum Vote { UP, DOWN }

  /** A reported citation: number {@code citation} (1-based) of question {@code questionId}. */
  record CitationReport(long questionId, String userId, int citation, String reason) {
    public CitationReport {
      if (citation < 1) {
        throw new IllegalArgumentException("citation must be >= 1, got " + citation);
      }
    }
  }

  /** Votes and reports on one answer. */
  record Summary(int up, int down, int citationsFlagged) { }

  /** The feedback counts of one answer. */
  Summary summaryOf(long questionId);

  /** Stores the user's vote on the answer; a second call by the same user replaces the first. */
  void vote(long questionId, String userId, Vote vote);

  /** The user's current vote on the answer, if any. */
  Optional<Vote> voteOf(long questionId, String userId);

  /** Stores a citation report. */
  void reportCitation(CitationReport report);

  /** Reports on one answer, oldest first. */
  List<CitationReport> reportsOn(long questionId);

  /** Deletes every vote and report by the user; returns how many rows. */
  int forgetUser(String userId);
}
