package dev.newsdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository suite every database runs; subclasses say how to open a fresh, migrated store. */
abstract class QuestionRepositoryContract {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  protected Store store;

  protected abstract Store openStore() throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = openStore();
  }

  @AfterEach
  void close() throws Exception {
    store.close();
  }

  private static QuestionRecord q(Instant at, String user, String thread, String text) {
    return new QuestionRecord(0, at, QuestionRecord.Surface.DISCORD, "g1", "c1", thread, user, text,
        "answer to " + text, List.of(
        new StoredCitation(1, "a1", "a1:0", "Reuters", "Rates rise", "2026-11-30", null, "Rates rose.", "Rates rose. Then fell."),
        new StoredCitation(2, "a2", "a2:3", "AP", "Rates", null, "https://ap.example/x", "It's \"up\".", "")), false, "extractive", 42);
  }

  @Test
  void recordsAndReadsBackEveryField() {
    long id = store.questions().record(q(T0, "u1", "t1", "who won?"));
    List<QuestionRecord> recent = store.questions().recent(10);
    assertThat(recent).containsExactly(q(T0, "u1", "t1", "who won?").withId(id));
  }

  private static QuestionRecord asked(Instant at, String user, String channel, String text, boolean abstained, long ms) {
    return new QuestionRecord(0, at, QuestionRecord.Surface.DISCORD, "g1", channel, null, user, text,
        abstained ? "" : "answer", List.of(new StoredCitation(1, "a1", "a1:0", "Reuters", "t", null, null, "q", "q p")),
        abstained, "extractive", ms);
  }

  @Test
  void insightsCountWhatWasAskedAnsweredAndFlagged() {
    long a = store.questions().record(asked(T0, "u1", "c1", "Who won the election?", false, 100));
    store.questions().record(asked(T0.plusSeconds(60), "u2", "c1", "Best sourdough recipe?", true, 300));
    store.questions().record(asked(T0.plusSeconds(3600 * 24), "u3", "c2", "sourdough recipe for beginners", true, 200));
    store.questions().record(asked(T0.minusSeconds(3600 * 24 * 40), "u3", "c2", "an old question", false, 5000));
    store.feedback().vote(a, "u2", FeedbackRepository.Vote.DOWN);
    store.feedback().vote(a, "u3", FeedbackRepository.Vote.UP);
    store.feedback().reportCitation(new FeedbackRepository.CitationReport(a, "u2", 1, "wrong date"));
    store.feedback().reportCitation(new FeedbackRepository.CitationReport(a, "u3", 1, null));

    Insights in = store.insights(java.time.LocalDate.parse("2026-11-20"), java.time.LocalDate.parse("2026-12-05"));
    assertThat(in.ok()).isTrue();
    assertThat(in.questions()).isEqualTo(3);
    assertThat(in.answered()).isEqualTo(1);
    assertThat(in.abstained()).isEqualTo(2);
    assertThat(in.abstentionRate()).isEqualTo(0.667);
    assertThat(in.latencyMs()).isEqualTo(new Insights.Latency(200, 300));
    assertThat(in.feedback()).isEqualTo(new Insights.Feedback(1, 1, 2));
    assertThat(in.perDay()).extracting(Insights.Day::questions).containsExactly(2L, 1L);
    assertThat(in.perDay().get(0).day()).isEqualTo(java.time.LocalDate.parse("2026-12-01"));
    // day one: 100 and 300 ms, and both votes (they are on its first question); day two: 200 ms, no votes
    assertThat(in.perDay()).extracting(Insights.Day::latencyP50Ms, Insights.Day::latencyP95Ms, Insights.Day::up,
        Insights.Day::down).containsExactly(org.assertj.core.groups.Tuple.tuple(100L, 300L, 1L, 1L),
        org.assertj.core.groups.Tuple.tuple(200L, 200L, 0L, 0L));
    assertThat(in.gaps()).singleElement().satisfies(g -> {
      assertThat(g.terms()).containsExactly("recipe", "sourdough");
      assertThat(g.count()).isEqualTo(2);
      assertThat(g.example()).isEqualTo("sourdough recipe for beginners");
    });
    assertThat(in.flaggedCitations()).singleElement().satisfies(f -> {
      assertThat(f.reports()).isEqualTo(2);
      assertThat(f.outlet()).isEqualTo("Reuters");
      assertThat(f.reasons()).containsExactly("wrong date", "(no reason given)");
    });
    assertThat(in.perChannel()).extracting(Insights.Channel::channelId).containsExactly("c1", "c2");
  }

  @Test
  void oneQuestionIsFoundByItsId() {
    long id = store.questions().record(q(T0, "u1", "t1", "who won?"));
    assertThat(store.questions().byId(id)).contains(q(T0, "u1", "t1", "who won?").withId(id));
    assertThat(store.questions().byId(id + 1000)).isEmpty();
  }

  @Test
  void userTextIsStoredAsDataNotSql() {
    String hostile = "'); DROP TABLE questions; -- \u00e9\u4e2d\ud83d\udc4d";
    store.questions().record(q(T0, "u1", null, hostile));
    assertThat(store.questions().recent(1)).singleElement()
        .satisfies(r -> assertThat(r.question()).isEqualTo(hostile))
        .satisfies(r -> assertThat(r.threadId()).isNull());
  }

  @Test
  void recentIsNewestFirstAndLimited() {
    for (int i = 0; i < 5; i++) {
      store.questions().record(q(T0.plusSeconds(i), "u1", null, "q" + i));
    }
    assertThat(store.questions().recent(3)).extracting(QuestionRecord::question).containsExactly("q4", "q3", "q2");
  }

  @Test
  void threadTurnsComeBackOldestFirstAfterReopening() throws Exception {
    store.questions().record(q(T0.plusSeconds(2), "u1", "t1", "second"));
    store.questions().record(q(T0, "u1", "t1", "first"));
    store.questions().record(q(T0, "u1", "t2", "elsewhere"));
    store.close();
    store = reopen();
    assertThat(store.questions().inThread("t1")).extracting(QuestionRecord::question)
        .containsExactly("first", "second");
  }

  @Test
  void forgetUserRemovesOnlyThatUser() {
    store.questions().record(q(T0, "u1", null, "a"));
    store.questions().record(q(T0, "u2", null, "b"));
    assertThat(store.questions().forgetUser("u1")).isEqualTo(1);
    assertThat(store.questions().recent(10)).extracting(QuestionRecord::userId).containsExactly("u2");
  }

  @Test
  void purgeKeepsTheRetentionPeriod() {
    store.questions().record(q(T0.minus(Duration.ofDays(91)), "u1", null, "old"));
    store.questions().record(q(T0.minus(Duration.ofDays(89)), "u1", null, "young"));
    assertThat(store.purgeExpired(Clock.fixed(T0, ZoneOffset.UTC))).isEqualTo(1);
    assertThat(store.questions().recent(10)).extracting(QuestionRecord::question).containsExactly("young");
  }

  @Test
  void aSecondVoteChangesTheFirst() {
    long id = store.questions().record(q(T0, "u1", null, "a"));
    store.feedback().vote(id, "u2", FeedbackRepository.Vote.UP);
    store.feedback().vote(id, "u2", FeedbackRepository.Vote.DOWN);
    assertThat(store.feedback().voteOf(id, "u2")).contains(FeedbackRepository.Vote.DOWN);
    assertThat(store.feedback().voteOf(id, "u3")).isEmpty();
  }

  @Test
  void citationReportsKeepTheirReason() {
    long id = store.questions().record(q(T0, "u1", null, "a"));
    store.feedback().reportCitation(new FeedbackRepository.CitationReport(id, "u2", 2, "wrong date"));
    store.feedback().reportCitation(new FeedbackRepository.CitationReport(id, "u3", 1, null));
    assertThat(store.feedback().reportsOn(id)).containsExactly(
        new FeedbackRepository.CitationReport(id, "u2", 2, "wrong date"),
        new FeedbackRepository.CitationReport(id, "u3", 1, null));
  }

  @Test
  void forgetUserLeavesNothingOfThatUser() {
    long mine = store.questions().record(q(T0, "u1", null, "mine"));
    long theirs = store.questions().record(q(T0, "u2", null, "theirs"));
    store.feedback().vote(mine, "u2", FeedbackRepository.Vote.UP);
    store.feedback().vote(theirs, "u1", FeedbackRepository.Vote.DOWN);
    store.feedback().reportCitation(new FeedbackRepository.CitationReport(theirs, "u1", 1, "x"));
    store.forgetUser("u1");
    assertThat(store.questions().recent(10)).extracting(QuestionRecord::userId).containsExactly("u2");
    assertThat(store.feedback().voteOf(theirs, "u1")).isEmpty();
    assertThat(store.feedback().reportsOn(theirs)).isEmpty();
    assertThat(store.feedback().voteOf(mine, "u2")).isEmpty();
  }

  @Test
  void purgeTakesFeedbackWithTheQuestion() {
    long old = store.questions().record(q(T0.minus(Duration.ofDays(100)), "u1", null, "old"));
    store.feedback().vote(old, "u2", FeedbackRepository.Vote.UP);
    store.purgeExpired(Clock.fixed(T0, ZoneOffset.UTC));
    assertThat(store.feedback().voteOf(old, "u2")).isEmpty();
  }

  /** Opens the same database again (a restart); default: a fresh open of the same settings. */
  protected Store reopen() {
    return Store.open(store.settings());
  }
}
