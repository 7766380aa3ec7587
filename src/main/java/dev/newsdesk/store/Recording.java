package dev.newsdesk.store;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.Question;
import dev.newsdesk.retrieve.Catalog;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Turns an answer given somewhere into the {@link QuestionRecord} the store keeps. */
public final class Recording {
  private Recording() {
  }

  /**
   * @param catalog where the cited passages' text comes from (kept with the answer, so a report can be judged
   *                after the index changed); null stores the quotes only
   */
  public static QuestionRecord of(Answer answer, Question question, long latencyMs, QuestionRecord.Surface surface,
                                  String userId, String guildId, String channelId, String threadId, Catalog catalog) {
    String text = answer.lead() == null ? answer.text() : answer.lead().text() + " " + answer.text();
    List<StoredCitation> cited = answer.citations().stream().map(c -> stored(c, catalog)).toList();
    return new QuestionRecord(0, Instant.now(), surface, guildId, channelId, threadId, userId, question.text(),
        text.strip(), cited, answer.abstained(), answer.answerer(), Math.max(0, latencyMs));
  }

  private static StoredCitation stored(Citation c, Catalog catalog) {
    String passage = null;
    if (catalog != null) {
      try {
        passage = catalog.passage(c.passageId()).map(h -> h.text()).orElse(null);
      } catch (RuntimeException e) {
        passage = null; // the index may be closing; the quote is what matters
      }
    }
    return new StoredCitation(c.n(), c.articleId(), c.passageId(), c.outlet(), c.title(),
        c.published() == null ? null : c.published().toString(), c.url(), c.quote(), passage);
  }

  /** The command line's user: the operating-system account, so {@code forget --user cli:NAME} finds it. */
  public static String cliUser() {
    return "cli:" + System.getProperty("user.name", "unknown").toLowerCase(Locale.ROOT);
  }
}
