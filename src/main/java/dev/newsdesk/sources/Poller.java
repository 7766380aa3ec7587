package dev.newsdesk.sources;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.BadInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One pass over the sources: each listing fetched conditionally, each new (or newly updated) article page fetched
 * once, everything read handed to the {@link Indexer} in one batch, then the {@link PollState} saved. Hosts are
 * polled side by side ({@link FetchSettings#threads()}), the sources of one host one after another; a failing or
 * slow source never stops the others (its time-outs bound it) and is reported with its reason. What the pass
 * learnt (validators, seen URLs) is only remembered once the index has taken its articles, so a failed write
 * never makes an article look seen. Not thread-safe: one pass at a time per state.
 */
public final class Poller {
    /** Sitemaps of one sitemap index read per pass. */
    private static final int MAX_CHILD_SITEMAPS = 20;
    /** Longest back-off: a dead source is still tried once a day. */
    private static final Duration MAX_BACKOFF = Duration.ofHours(24);

    /** Where polled articles go: the same sink file ingest writes to. */
    @FunctionalInterface
    public interface Indexer {
        enum Outcome { ADDED, UPDATED, UNCHANGED, FOLDED }

        /** @return what became of each article, by id */
        Map<String, Outcome> index(List<Article> articles) throws IOException;
    }

    private final Fetcher fetcher;
    private final PageReader pages;
    private final PollState state;
    private final Path stateFile;
    private final FetchSettings settings;
    private final Clock clock;
    private final ListingParser parser = new ListingParser();

    public Poller(Fetcher fetcher, PageReader pages, PollState state, Path stateFile, FetchSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.pages = pages;
        this.state = state;
        this.stateFile = stateFile;
        this.settings = settings;
        this.clock = clock;
    }

    public PollState state() {
        return state;
    }

    /**
     * @param dueOnly poll only sources whose next poll time has come (the polling loop); false polls every enabled
     *                source now (poll --once), except one backing off after repeated failures
     * @throws IOException when the index or the state file cannot be written; the sources' own failures are reported
     */
    public PollReport poll(List<Source> sources, boolean dueOnly, Indexer indexer) throws IOException {
        return poll(sources, dueOnly, indexer, Listener.NONE);
    }

    /** Told as each source's fetching ends, on the polling threads: the CLI shows it as progress. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (done, total) -> {};

        void fetched(int done, int total);
    }

    /** @param listener told how many of the sources to poll have been fetched */
    public PollReport poll(List<Source> sources, boolean dueOnly, Indexer indexer, Listener listener) throws IOException {
        Instant now = clock.instant();
        Map<String, List<Source>> byHost = new LinkedHashMap<>();
        List<Source> polled = new ArrayList<>();
        List<PollReport.SourceReport> reports = new ArrayList<>();
        for (Source s : sources) {
            if (!s.enabled()) continue;
            PollState.SourceStatus st = state.source(s.url());
            boolean waiting = st.nextPoll() != null && st.nextPoll().isAfter(now);
            if (waiting && st.consecutiveFailures() >= settings.failureBudget()) {
                reports.add(new PollReport.SourceReport(s.url(), s.kind().id(), PollReport.Status.BACKING_OFF, 0, 0, 0, 0, 0,
                        List.of(), "failed " + st.consecutiveFailures() + " times in a row (last: " + st.lastError()
                        + "); next try at " + st.nextPoll(), List.of()));
                continue;
            }
            if (dueOnly && waiting) continue;
            polled.add(s);
            byHost.computeIfAbsent(String.valueOf(Urls.host(s.url())), h -> new ArrayList<>()).add(s);
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger fetched = new java.util.concurrent.atomic.AtomicInteger();
        int toFetch = polled.size();
        Map<String, Harvest> harvests = new ConcurrentHashMap<>();
        int threads = Math.max(1, Math.min(settings.threads(), byHost.size()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newsdesk-poll");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<?>> done = new ArrayList<>();
            for (List<Source> group : byHost.values()) {
                done.add(pool.submit(() -> {
                    for (Source s : group) {
                        harvests.put(s.url(), harvest(s, claimed));
                        listener.fetched(fetched.incrementAndGet(), toFetch);
                    }
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("polling interrupted");
                } catch (ExecutionException e) {
                    throw new IllegalStateException("polling a source failed unexpectedly: " + e.getCause(), e.getCause());
                }
            }
        }

        // One batch for the index: the same story listed by two sources is one article (the first listing wins).
        Map<String, Article> batch = new LinkedHashMap<>();
        for (Source s : polled) {
            for (PolledArticle p : harvests.get(s.url()).articles) batch.putIfAbsent(p.article().id(), p.article());
        }
        Map<String, Indexer.Outcome> outcomes = batch.isEmpty() ? Map.of() : indexer.index(List.copyOf(batch.values()));

        Instant end = clock.instant();
        for (Source s : polled) {
            Harvest h = harvests.get(s.url());
            h.memos.forEach(state::page);
            int added = 0, updated = 0, unchanged = h.unchanged, folded = 0;
            Set<String> counted = new HashSet<>();
            for (PolledArticle p : h.articles) {
                if (!counted.add(p.article().id())) {
                    unchanged++;
                    continue;
                }
                switch (outcomes.getOrDefault(p.article().id(), Indexer.Outcome.UNCHANGED)) {
                    case ADDED -> added++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                    case FOLDED -> folded++;
                }
            }
            PollState.SourceStatus prev = state.source(s.url());
            PollState.SourceStatus next;
            if (h.status == PollReport.Status.FAILED) {
                int failures = prev.consecutiveFailures() + 1;
                next = new PollState.SourceStatus(end, prev.lastSuccess(), prev.articlesTaken(), failures,
                        end.plus(backoff(s.interval(), failures)), h.error, prev.validators());
            } else {
                next = new PollState.SourceStatus(end, end, prev.articlesTaken() + added + updated, 0,
                        end.plus(s.interval()), null, h.validators == null ? prev.validators() : h.validators);
            }
            state.source(s.url(), next);
            reports.add(new PollReport.SourceReport(s.url(), s.kind().id(), h.status, added, updated, unchanged, folded,
                    h.requests, h.skipped, h.error, h.articles));
        }
        state.save(stateFile);
        // In the order the sources were given, whatever order the threads finished in.
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) order.putIfAbsent(sources.get(i).url(), i);
        reports.sort(java.util.Comparator.comparingInt(r -> order.getOrDefault(r.url(), Integer.MAX_VALUE)));
        return new PollReport(reports);
    }

    /** The interval, doubled for each failure past the budget (up to 32 times), at most a day. */
    Duration backoff(Duration interval, int failures) {
        if (failures < settings.failureBudget()) return interval;
        int doublings = Math.min(5, failures - settings.failureBudget() + 1);
        Duration d = interval.multipliedBy(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** What polling one source found, before the index has seen it. */
    private static final class Harvest {
        PollReport.Status status = PollReport.Status.OK;
        String error;
        PollState.Validators validators;
        int unchanged;
        int requests;
        final List<PollReport.Skip> skipped = new ArrayList<>();
        final List<PolledArticle> articles = new ArrayList<>();
        final Map<String, PollState.PageMemo> memos = new LinkedHashMap<>();

        Harvest fail(String reason) {
            status = PollReport.Status.FAILED;
            error = reason;
            return this;
        }
    }

    private Harvest harvest(Source s, Set<String> claimed) {
        Harvest h = new Harvest();
        if (s.kind() == Source.Kind.PAGE) {
            // A page source is its own only item: asked for conditionally on every poll, the one way to see it change.
            String key = Urls.canonical(s.url());
            claimed.add(key);
            PollState.PageMemo memo = state.page(key).orElse(null);
            FetchResult r = fetcher.fetch(s.url(), memo == null ? PollState.Validators.NONE : memo.validators());
            h.requests++;
            switch (r.outcome()) {
                case NOT_MODIFIED -> {
                    h.status = PollReport.Status.NOT_MODIFIED;
                    h.unchanged++;
                }
                case OK -> take(s, new Listing.Item(s.url(), null, null, null, null, null), key, r, h);
                case SKIPPED, FAILED -> h.fail(r.reason());
            }
            return h;
        }
        PollState.SourceStatus st = state.source(s.url());
        FetchResult r = fetcher.fetch(s.url(), st.validators());
        if (r.outcome() == FetchResult.Outcome.NOT_MODIFIED) {
            h.status = PollReport.Status.NOT_MODIFIED;
            h.validators = r.validators();
            return h;
        }
        if (r.outcome() != FetchResult.Outcome.OK) return h.fail(r.reason());
        Listing listing;
        try {
            listing = parser.parse(r.body(), r.url());
        } catch (ListingParser.NotAListing e) {
            return h.fail(e.getMessage());
        }
        h.validators = r.validators();
        List<Listing.Item> items = new ArrayList<>(listing.items());
        int children = 0;
        for (String child : listing.sitemaps()) {
            if (++children > MAX_CHILD_SITEMAPS) {
                h.skipped.add(new PollReport.Skip(child, "sitemap index lists more than " + MAX_CHILD_SITEMAPS
                        + " sitemaps; the rest are read on later polls only if they come first"));
                break;
            }
            items.addAll(childItems(child, h));
        }
        int taken = 0;
        for (Listing.Item item : items) {
            if (item.link() == null) {
                h.skipped.add(new PollReport.Skip(s.url(), "item '" + item.title() + "' has no link"));
                continue;
            }
            if (++taken > settings.maxItems()) {
                h.skipped.add(new PollReport.Skip(item.link(), "over the " + settings.maxItems()
                        + " newest items taken per poll (sources.max-items)"));
                continue;
            }
            String key = Urls.canonical(item.link());
            if (!claimed.add(key)) {
                h.unchanged++; // listed twice (or by another source) in this pass: fetched once
                continue;
            }
            PollState.PageMemo memo = state.page(key).orElse(null);
            if (memo != null && Objects.equals(memo.stamp(), item.stamp())) {
                h.unchanged++; // seen, and the listing says it has not changed: not fetched again
                continue;
            }
            FetchResult page = fetcher.fetch(item.link(), memo == null ? PollState.Validators.NONE : memo.validators());
            if (page.outcome() != FetchResult.Outcome.SKIPPED || page.status() != 0) h.requests++;
            switch (page.outcome()) {
                case NOT_MODIFIED -> {
                    h.unchanged++;
                    h.memos.put(key, new PollState.PageMemo(page.validators(), item.stamp(), memo.canonical(), clock.instant()));
                }
                case OK -> take(s, item, key, page, h);
                case SKIPPED -> h.skipped.add(new PollReport.Skip(item.link(), page.reason()));
                case FAILED -> {
                    h.skipped.add(new PollReport.Skip(item.link(), page.reason()));
                    // A page that is gone stays gone: remembered so it is not asked for on every poll. Server
                    // errors and time-outs are not remembered: the next poll tries again.
                    if (page.status() >= 400 && page.status() < 500) {
                        h.memos.put(key, new PollState.PageMemo(PollState.Validators.NONE, item.stamp(), null, clock.instant()));
                    }
                }
            }
        }
        return h;
    }

    private void take(Source s, Listing.Item item, String key, FetchResult page, Harvest h) {
        Instant now = clock.instant();
        try {
            PolledArticle a = pages.read(page.body(), page.url(), item, s.outlet(), now);
            h.articles.add(a);
            h.memos.put(key, new PollState.PageMemo(page.validators(), item.stamp(), a.article().url(), now));
        } catch (BadInputException e) {
            h.skipped.add(new PollReport.Skip(item.link(), e.getMessage()));
            h.memos.put(key, new PollState.PageMemo(page.validators(), item.stamp(), null, now));
        } catch (RuntimeException e) {
            // A parser bug or a pathological page must not end the pass; name it so it can be reported.
            h.skipped.add(new PollReport.Skip(item.link(), "unexpected error reading the page (" + e + "); please report it"));
        }
    }

    private List<Listing.Item> childItems(String child, Harvest h) {
        String key = Urls.canonical(child);
        PollState.PageMemo memo = state.page(key).orElse(null);
        FetchResult r = fetcher.fetch(child, memo == null ? PollState.Validators.NONE : memo.validators());
        if (r.outcome() == FetchResult.Outcome.NOT_MODIFIED) return List.of();
        if (r.outcome() != FetchResult.Outcome.OK) {
            h.skipped.add(new PollReport.Skip(child, r.reason()));
            return List.of();
        }
        try {
            Listing l = parser.parse(r.body(), r.url());
            h.memos.put(key, new PollState.PageMemo(r.validators(), null, null, clock.instant()));
            return l.items();
        } catch (ListingParser.NotAListing e) {
            h.skipped.add(new PollReport.Skip(child, e.getMessage()));
            return List.of();
        }
    }
}
