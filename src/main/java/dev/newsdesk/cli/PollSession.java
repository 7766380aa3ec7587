package dev.newsdesk.cli;

import dev.newsdesk.index.IndexTarget;
import dev.newsdesk.index.PassageEmbedder;
import dev.newsdesk.index.PolledArticleIndexer;
import dev.newsdesk.ingest.Cleaner;
import dev.newsdesk.ingest.DocumentReader;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.Embeddings;
import dev.newsdesk.sources.AllowedHosts;
import dev.newsdesk.sources.FetchSettings;
import dev.newsdesk.sources.PageReader;
import dev.newsdesk.sources.PoliteFetcher;
import dev.newsdesk.sources.PollReport;
import dev.newsdesk.sources.PollState;
import dev.newsdesk.sources.Poller;
import dev.newsdesk.sources.Source;
import dev.newsdesk.sources.SourcesFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Polling as {@code poll} and the bot run it: the sources (the sources file, re-read before each pass so a
 * {@code sources add} meanwhile takes effect, plus ad-hoc URLs), the polite fetcher (kept while the set of hosts
 * stays the same, so its robots.txt cache and per-host pacing carry over), the poll state kept with the index, and
 * the indexer. Remembers which articles the last pass added or changed, for the bot's /follow digests. One pass
 * at a time.
 */
final class PollSession implements AutoCloseable {
    /** Longest sleep of the polling loop: the sources file is re-read at least this often. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);

    private final SourcesFile file;
    private final List<Source> adHoc;
    private final FetchSettings settings;
    private final Poller.Indexer indexer;
    private final Path stateFile;
    private final PollState state;
    private final Clock clock;
    private final PageReader pages = new PageReader(new DocumentReader(IngestLimits.DEFAULTS, new Cleaner()));
    private PoliteFetcher fetcher;
    private Set<String> fetcherHosts = Set.of();
    private List<String> lastChanged = List.of();

    PollSession(SourcesFile file, List<Source> adHoc, FetchSettings settings, Poller.Indexer indexer, Path indexDir,
                Clock clock) throws IOException {
        this.file = file;
        this.adHoc = List.copyOf(adHoc);
        this.settings = settings;
        this.indexer = indexer;
        this.stateFile = indexDir.resolve(PollState.FILE);
        this.state = PollState.load(stateFile);
        this.clock = clock;
    }

    static SourcesFile sourcesFile(App app) {
        return new SourcesFile(app.config.home().resolve(app.config.get("sources.file", "config/sources.json").strip()));
    }

    /**
     * The {@code sources.*} keys from config/, or their environment variables ({@code sources.host-delay-ms} is
     * {@code NEWSDESK_SOURCES_HOST_DELAY_MS}): looked up by name here because the config loader turns an unknown
     * variable's underscores into dots, which cannot restore the keys' hyphens.
     */
    static FetchSettings fetchSettings(App app) {
        java.util.Map<String, String> env = System.getenv();
        return FetchSettings.from(key -> {
            String fromEnv = env.get(dev.newsdesk.config.NewsdeskConfig.envName(key));
            return fromEnv != null ? fromEnv : app.config.get(key, null);
        });
    }

    /** Writes into the configured index, opening it for each pass (the CLI: no lock held between passes). */
    static PollSession forCli(App app, List<Source> adHoc) throws IOException {
        IndexTarget target = app.writeTarget();
        return new PollSession(sourcesFile(app), adHoc, fetchSettings(app),
                new PolledArticleIndexer(target.opener(), new SentenceChunker(), embedder(app, target)), app.indexDir,
                Clock.systemUTC()).checking(target);
    }

    private IndexTarget checked;

    /** Each pass first checks that no other process holds the target (see {@link IndexTarget#requireWritable}). */
    private PollSession checking(IndexTarget target) {
        this.checked = target;
        return this;
    }

    /**
     * The passage model of the index as it is, so a poll never rebuilds it: an index built without vectors stays
     * BM25-only whatever {@code embedding.model} says; a new index gets the configured model. Loaded on first use.
     */
    static Supplier<PassageEmbedder> embedder(App app, IndexTarget target) {
        return new Supplier<>() {
            private PassageEmbedder loaded;
            private boolean done;

            @Override
            public synchronized PassageEmbedder get() {
                if (!done) {
                    loaded = load(app, target);
                    done = true;
                }
                return loaded;
            }
        };
    }

    static PassageEmbedder load(App app, IndexTarget target) {
        java.util.Optional<String> built;
        try {
            built = target.embeddingModel();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + target.describe() + ": " + e.getMessage(), e);
        }
        if (built.isEmpty()) return app.ingestEmbeddings(false);
        String model = built.get();
        int slash = model.indexOf('/');
        return Embeddings.load(slash < 0 ? model : model.substring(0, slash));
    }

    /** The enabled sources now: the file's, then the ad-hoc ones it does not already list. */
    List<Source> sources() {
        List<Source> out = new ArrayList<>(file.load());
        for (Source s : adHoc) if (SourcesFile.find(out, s.url()).isEmpty()) out.add(s);
        return out;
    }

    PollState state() {
        return state;
    }

    FetchSettings settings() {
        return settings;
    }

    /** @param dueOnly poll only the sources whose time has come (the loop); false = every enabled source now */
    PollReport pass(boolean dueOnly) throws IOException {
        return pass(dueOnly, dev.newsdesk.sources.Poller.Listener.NONE);
    }

    /** @param listener told as each source has been fetched (progress) */
    PollReport pass(boolean dueOnly, dev.newsdesk.sources.Poller.Listener listener) throws IOException {
        if (checked != null) checked.requireWritable();
        List<Source> sources = sources();
        Set<String> hosts = new LinkedHashSet<>(AllowedHosts.of(sources.stream().map(Source::url).toList()).hosts());
        if (fetcher == null || !hosts.equals(fetcherHosts)) {
            if (fetcher != null) fetcher.close();
            fetcher = new PoliteFetcher(settings, new AllowedHosts(hosts));
            fetcherHosts = hosts;
        }
        List<String> changed = new ArrayList<>();
        Poller.Indexer recording = articles -> {
            Map<String, Poller.Indexer.Outcome> outcomes = indexer.index(articles);
            outcomes.forEach((id, o) -> {
                if (o == Poller.Indexer.Outcome.ADDED || o == Poller.Indexer.Outcome.UPDATED) changed.add(id);
            });
            return outcomes;
        };
        PollReport report = new Poller(fetcher, pages, state, stateFile, settings, clock).poll(sources, dueOnly, recording, listener);
        lastChanged = List.copyOf(changed);
        return report;
    }

    /** Ids of the articles the last pass added or replaced. */
    List<String> lastChanged() {
        return lastChanged;
    }

    /** How long the loop may sleep: until the next enabled source is due, between a second and {@link #MAX_WAIT}. */
    Duration untilNextDue() {
        Instant now = clock.instant();
        Duration wait = MAX_WAIT;
        for (Source s : sources()) {
            if (!s.enabled()) continue;
            Instant next = state.source(s.url()).nextPoll();
            Duration d = next == null ? Duration.ZERO : Duration.between(now, next);
            if (d.compareTo(wait) < 0) wait = d;
        }
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    @Override
    public void close() {
        if (fetcher != null) fetcher.close();
    }
}
