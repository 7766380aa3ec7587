package dev.newsdesk.store;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store as the answering paths use it: nothing here ever fails an answer. The database is opened on first
 * use; when it cannot be opened or a write fails, the reason is logged once (with what to do), the lost records are
 * counted, and the next attempt to open waits {@link #RETRY}. Reads that the answer can do without (thread turns)
 * come back empty; the user-facing feedback paths get a false or empty result to explain. Thread-safe.
 */
public final class AnswerLog implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(AnswerLog.class);
  /** How long after a failed open the next one is tried. */
  public static final Duration RETRY = Duration.ofSeconds(30);

  private final Supplier<Store> opener;
  private final String description;
  private final Clock clock;
  private final AtomicLong unrecorded = new AtomicLong();
  private Store store;
  private String problem;
  private Instant retryAt = Instant.MIN;

  AnswerLog(Supplier<Store> opener, String description, Clock clock) {
    this.opener = opener;
    this.description = description;
    this.clock = clock;
  }

  /** A log over the configured database; nothing is opened until the first question. */
  public static AnswerLog of(StoreSettings settings) {
    return new AnswerLog(() -> Store.open(settings), settings.describe(), Clock.systemUTC());
  }

  /** A log with no database (embedders that record nothing): every write is dropped, every read is empty. */
  public static AnswerLog none() {
    AnswerLog log = new AnswerLog(() -> {
      throw new StoreException("no database is configured for this bot", null);
    }, "(none)", Clock.systemUTC());
    log.retryAt = Instant.MAX;
    log.problem = "no database is configured for this bot";
    return log;
  }

  /** A log over an open store (tests, and commands that opened it already); closing the log closes it. */
  public static AnswerLog over(Store store) {
    AnswerLog log = new AnswerLog(() -> store, store.settings().describe(), Clock.systemUTC());
    log.store = store;
    return log;
  }

  /** Opens the database now rather than on first use (a command can do it while it computes the answer). */
  public void open() {
    attempt(s -> Boolean.TRUE, "open the database");
  }

  /** Stores the question and answer; returns its id, or empty when the store is unavailable (logged once). */
  public Optional<Long> record(QuestionRecord question) {
    return attempt(s -> s.questions().record(question), "record the question");
  }

  /** The stored turns of a thread, oldest first; empty when there are none or the store is unavailable. */
  public List<QuestionRecord> inThread(String threadId) {
    return attempt(s -> s.questions().inThread(threadId), "read the thread").orElse(List.of());
  }

  public Optional<QuestionRecord> question(long id) {
    return attempt(s -> s.questions().byId(id), "read the answer").flatMap(o -> o);
  }

  /** Stores a vote; false when the store is unavailable or the answer is gone. */
  public boolean vote(long questionId, String userId, FeedbackRepository.Vote vote) {
    return attempt(s -> {
      if (s.questions().byId(questionId).isEmpty()) {
        return false;
      }
      s.feedback().vote(questionId, userId, vote);
      return true;
    }, "record the vote").orElse(false);
  }

  /** Stores a citation report; false when the store is unavailable or the answer is gone. */
  public boolean report(FeedbackRepository.CitationReport report) {
    return attempt(s -> {
      if (s.questions().byId(report.questionId()).isEmpty()) {
        return false;
      }
      s.feedback().reportCitation(report);
      return true;
    }, "record the citation report").orElse(false);
  }

  /** Adds a /follow subscription: true if new, false if the channel already follows it; empty when unavailable. */
  public Optional<Boolean> follow(FollowRepository.Follow follow) {
    return attempt(s -> s.follows().follow(follow), "store the subscription");
  }

  /** Removes a channel's subscriptions to a topic; empty when the store is unavailable. */
  public OptionalInt unfollow(String channelId, String topic) {
    return attempt(s -> s.follows().unfollow(channelId, topic), "remove the subscription")
        .map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** A channel's subscriptions; empty when the store is unavailable. */
  public Optional<List<FollowRepository.Follow>> following(String channelId) {
    return attempt(s -> s.follows().inChannel(channelId), "read the subscriptions");
  }

  /** Every subscription; empty when there are none or the store is unavailable. */
  public List<FollowRepository.Follow> allFollows() {
    return attempt(s -> s.follows().all(), "read the subscriptions").orElse(List.of());
  }

  /** Notes that a digest went out for the subscription (best effort). */
  public void posted(long followId, Instant at) {
    attempt(s -> {
      s.follows().posted(followId, at);
      return Boolean.TRUE;
    }, "note the digest");
  }

  /** Deletes everything of one user; empty when the store is unavailable. */
  public OptionalInt forgetUser(String userId) {
    Optional<Integer> n = attempt(s -> s.forgetUser(userId), "delete the user's records");
    return n.map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  /** Insights, or {@link Insights#unavailable} saying why. */
  public Insights insights(LocalDate since, LocalDate until) {
    try {
      return store().insights(since, until);
    } catch (StoreException e) {
      if (!(e instanceof Waiting)) {
        failed("read insights", e);
      }
      return Insights.unavailable(e.getMessage(), since, until);
    }
  }

  /** "ok", or why the store is unavailable. */
  public synchronized String status() {
    return problem == null ? "ok" : problem;
  }

  /** Records that could not be written since start. */
  public long unrecorded() {
    return unrecorded.get();
  }

  /** The database failed a moment ago and is not tried again yet. */
  private static final class Waiting extends StoreException {
    Waiting(String message) {
      super(message, null);
    }
  }

  private interface Work<T> {
    T run(Store store);
  }

  private <T> Optional<T> attempt(Work<T> work, String what) {
    try {
      T result;
      try {
        result = work.run(store());
      } catch (StoreException e) {
        if (e instanceof Waiting) {
          throw e;
        }
        // once more at once: a pooled connection broken by a database restart fails on first use, and the pool
        // replaces it; a database that is really down fails again and is then left alone for RETRY
        Store current = store();
        current.resetConnections();
        result = work.run(current);
      }
      recovered();
      return Optional.of(result);
    } catch (StoreException | IllegalStateException e) {
      if (what.startsWith("record")) {
        unrecorded.incrementAndGet();
      }
      if (!(e instanceof Waiting)) {
        failed(what, e);
      }
      return Optional.empty();
    }
  }

  private synchronized Store store() {
    if (clock.instant().isBefore(retryAt)) {
      // failed a moment ago: answer without waiting on the database again until RETRY has passed
      throw new Waiting(problem == null ? "the database is unavailable" : problem);
    }
    if (store != null) {
      return store;
    }
    try {
      store = opener.get();
      try {
        int purged = store.purgeExpired(clock);
        if (purged > 0) {
          LOG.info("Deleted {} questions older than the retention period ({} days).", purged,
              store.settings().retentionDays());
        }
      } catch (StoreException e) {
        LOG.debug("retention purge failed: {}", e.getMessage());
      }
      return store;
    } catch (StoreException e) {
      throw e; // failed() sets when to try again
    }
  }

  private synchronized void failed(String what, RuntimeException e) {
    boolean first = problem == null;
    retryAt = clock.instant().plus(RETRY);
    problem = e.getMessage();
    if (first) {
      LOG.warn("Could not {} in the database {}: {}. Answers go on without being recorded; fix the database (or"
          + " set NEWSDESK_DATABASE_URL) and they are recorded again.", what, description, e.getMessage());
    } else {
      LOG.debug("still cannot {}: {} ({} not recorded so far)", what, e.getMessage(), unrecorded.get());
    }
  }

  private synchronized void recovered() {
    if (problem != null) {
      LOG.info("The database {} works again; {} records were lost while it did not.", description, unrecorded.get());
      problem = null;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (store != null) {
      store.close();
      store = null;
    }
  }
}
