package dev.newsdesk.cli;

import dev.newsdesk.index.IndexTarget;
import dev.newsdesk.index.LocalIndexTarget;
import dev.newsdesk.index.IndexLockedException;
import dev.newsdesk.index.IngestSink;
import dev.newsdesk.index.PassageEmbedder;
import dev.newsdesk.index.PolledArticleIndexer;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.SearchBackend;
import dev.newsdesk.sources.FetchSettings;
import dev.newsdesk.sources.PollReport;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own poller: on a daemon thread, polls the sources file's sources on their intervals, writes through a
 * writer this process holds from the first pass that has sources until {@link #close} (so a CLI {@code poll} or
 * {@code ingest} meanwhile is refused with a clear message instead of racing it), refreshes the searcher after a
 * pass that changed something (the new articles are answerable at once) and hands their ids to
 * {@code newCoverage} (the /follow digests). With no sources listed it only re-reads the file each minute, holding
 * nothing. A failing pass is logged and retried; nothing here stops the bot.
 */
final class LivePolling implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LivePolling.class);

    private final IndexTarget target;
    private final Supplier<PassageEmbedder> embedder;
    private final SearchBackend backend;
    private final PollSession session;
    private final Semaphore wake = new Semaphore(0);
    private volatile Consumer<List<String>> newCoverage = ids -> {};
    private volatile boolean stopped;
    private volatile boolean pollAll;
    private volatile Instant lastPass;
    private IndexTarget.Held writer;
    private Thread thread;

    /** Polls into the Lucene index in {@code indexDir}, keeping the poll state there. */
    LivePolling(SourcesFile file, FetchSettings settings, Path indexDir, Supplier<PassageEmbedder> embedder,
                SearchBackend backend, Clock clock) throws IOException {
        this(file, settings, new LocalIndexTarget(indexDir), indexDir, embedder, backend, clock);
    }

    /** @param stateDir where the poll state file lives (the index folder, also when the index is a cluster's) */
    LivePolling(SourcesFile file, FetchSettings settings, IndexTarget target, Path stateDir,
                Supplier<PassageEmbedder> embedder, SearchBackend backend, Clock clock) throws IOException {
        this.target = target;
        this.embedder = embedder;
        this.backend = backend;
        this.session = new PollSession(file, List.of(), settings,
                new PolledArticleIndexer(model -> held().opener().open(model), new SentenceChunker(), embedder), stateDir, clock);
    }

    static LivePolling of(App app, SearchBackend backend) throws IOException {
        IndexTarget target = app.writeTarget();
        return new LivePolling(PollSession.sourcesFile(app), PollSession.fetchSettings(app), target, app.indexDir,
                PollSession.embedder(app, target), backend, Clock.systemUTC());
    }

    /** Whether the sources file lists anything (the bot says it polls). */
    boolean configured() {
        return !session.sources().isEmpty();
    }

    /** @param newCoverage receives the ids of the articles each pass added or changed, after the searcher saw them */
    LivePolling onNewCoverage(Consumer<List<String>> newCoverage) {
        this.newCoverage = newCoverage;
        return this;
    }

    synchronized void start() {
        if (thread != null) return;
        thread = Thread.ofPlatform().name("newsdesk-live-poll").daemon(true).start(this::run);
    }

    /** Polls every enabled source now, due or not (a test, or an operator who just added one). */
    void pollNow() {
        pollAll = true;
        wake.release();
    }

    /** What this bot holds (the Lucene writer; nothing for a cluster), taken on first use; /reindex borrows it too. */
    synchronized IndexTarget.Held held() throws IOException {
        if (writer == null) writer = target.hold(embedder.get());
        return writer;
    }

    /** Where /reindex writes: the held target once polling holds it, else null (it opens the target itself). */
    synchronized IngestSink.Opener heldOpener() {
        return writer == null ? null : writer.opener();
    }

    /** The /sources table. */
    String status() {
        List<Source> sources = session.sources();
        String table = SourcesCommand.text(sources, session.state(), session.settings().failureBudget(), Instant.now());
        return sources.isEmpty() ? "" : table + (lastPass == null ? "" : "(last pass " + lastPass + ")");
    }

    private void run() {
        while (!stopped) {
            boolean all = pollAll;
            pollAll = false;
            try {
                if (!session.sources().isEmpty()) {
                    held(); // taken before anything is fetched: from now on this process owns the index writer
                    pass(all);
                }
            } catch (IndexLockedException e) {
                LOG.warn("not polling this minute: {}", e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.warn("polling the sources failed (tried again at the next interval): {}", e.getMessage());
            }
            try {
                Duration wait = session.sources().isEmpty() ? PollSession.MAX_WAIT : session.untilNextDue();
                if (wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("cannot read the sources file: {}", e.getMessage());
                try {
                    Thread.sleep(PollSession.MAX_WAIT.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void pass(boolean all) throws IOException {
        PollReport report = session.pass(!all);
        lastPass = Instant.now();
        for (PollReport.SourceReport f : report.failed()) LOG.warn("source {} failed: {}", f.url(), f.error());
        List<String> changed = session.lastChanged();
        if (changed.isEmpty()) return;
        backend.refresh();
        LOG.info("polled {} new or updated articles", changed.size());
        newCoverage.accept(changed);
    }

    /** Stops the thread (a pass in flight finishes, bounded by its time-outs) and releases the writer. */
    @Override
    public void close() throws IOException {
        stopped = true;
        wake.release();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10)); // the shutdown hook waits 15 s for the whole close
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        session.close();
        synchronized (this) {
            if (writer != null) writer.close();
            writer = null;
        }
    }
}
