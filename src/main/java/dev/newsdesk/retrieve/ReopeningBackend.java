package dev.newsdesk.retrieve;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@link SearchBackend} for processes that must start and stay up whatever state the index is in (the bot, the
 * web companion): the real backend is opened on first use, and while it cannot be (the cluster is down, the index
 * is missing or of an older layout) every search fails fast with that {@link IndexUnavailableException}, the next
 * attempt to open waiting out a short cool-down so a burst of questions does not hammer a dead host. Once open it
 * stays open: a cluster that goes away later fails each call by itself and serves again when it is back, through
 * the same client. The retrievers, catalog and lexicon handed out before the backend opened work once it is.
 * Thread-safe.
 */
public final class ReopeningBackend implements SearchBackend {
    /** How long a failed open is remembered before the next question tries again. */
    public static final Duration COOL_DOWN = Duration.ofSeconds(5);

    private final String name;
    private final Supplier<SearchBackend> opener;
    private final long coolDownNanos;
    private final LongSupplier nanoTime;
    private volatile SearchBackend open;
    private IndexUnavailableException failure;
    private long retryAt;

    /**
     * @param name   the backend's name while it is not open ("elasticsearch", "embedded")
     * @param opener opens the real backend, throwing {@link IndexUnavailableException} when it cannot
     */
    public ReopeningBackend(String name, Supplier<SearchBackend> opener, Duration coolDown, LongSupplier nanoTime) {
        this.name = name;
        this.opener = opener;
        this.coolDownNanos = coolDown.toNanos();
        this.nanoTime = nanoTime;
    }

    public ReopeningBackend(String name, Supplier<SearchBackend> opener) {
        this(name, opener, COOL_DOWN, System::nanoTime);
    }

    /** The open backend, opening it now unless the last attempt failed within the cool-down. */
    public SearchBackend current() {
        SearchBackend b = open;
        return b != null ? b : open(false);
    }

    private synchronized SearchBackend open(boolean force) {
        if (open != null) return open;
        long now = nanoTime.getAsLong();
        if (failure != null && !force && now - retryAt < 0) throw new IndexUnavailableException(failure.getMessage(), failure);
        try {
            open = opener.get();
            failure = null;
            return open;
        } catch (IndexUnavailableException e) {
            failure = e;
            retryAt = now + coolDownNanos;
            throw e;
        }
    }

    /** Whether the real backend is open (for status lines). */
    public boolean isOpen() {
        return open != null;
    }

    @Override
    public String name() {
        SearchBackend b = open;
        return b != null ? b.name() : name;
    }

    @Override
    public Retriever lexical(boolean snippets) {
        Lazy<Retriever> r = new Lazy<>(() -> current().lexical(snippets));
        return request -> r.get().search(request);
    }

    @Override
    public Retriever dense() {
        Lazy<Retriever> r = new Lazy<>(() -> current().dense());
        return request -> r.get().search(request);
    }

    @Override
    public Retriever sentences(boolean snippets) {
        Lazy<Retriever> r = new Lazy<>(() -> current().sentences(snippets));
        return request -> r.get().search(request);
    }

    @Override
    public Catalog catalog() {
        Lazy<Catalog> c = new Lazy<>(() -> current().catalog());
        return new Catalog() {
            @Override
            public Optional<ArticleView> article(String articleId) {
                return c.get().article(articleId);
            }

            @Override
            public Optional<Hit> passage(String passageId) {
                return c.get().passage(passageId);
            }

            @Override
            public List<Hit> passagesOf(String articleId) {
                return c.get().passagesOf(articleId);
            }

            @Override
            public List<String> articleIds() {
                return c.get().articleIds();
            }

            @Override
            public Stats stats() {
                return c.get().stats();
            }
        };
    }

    @Override
    public Lexicon lexicon() {
        Lazy<Lexicon> l = new Lazy<>(() -> current().lexicon());
        return new Lexicon() {
            @Override
            public List<String> terms(String text) {
                return l.get().terms(text);
            }

            @Override
            public List<String> queryTerms(String question) {
                return l.get().queryTerms(question);
            }

            @Override
            public long docFreq(String term) {
                return l.get().docFreq(term);
            }

            @Override
            public double idf(String term) {
                return l.get().idf(term);
            }
        };
    }

    @Override
    public String embeddingModel() {
        return current().embeddingModel();
    }

    /** -1 until the backend opens, so caches built from it (the planner's outlets) are built once it has. */
    @Override
    public long generation() {
        SearchBackend b = open;
        return b == null ? -1 : b.generation();
    }

    /**
     * After an ingest or a poll pass: a backend not yet open is opened now, cool-down or not (the write may just
     * have created the index); one that still cannot open stays closed until a question tries again.
     */
    @Override
    public void refresh() throws IOException {
        SearchBackend b = open;
        if (b != null) {
            b.refresh();
            return;
        }
        try {
            open(true);
        } catch (IndexUnavailableException e) {
            // remembered in failure: the next question says why
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (open != null) open.close();
    }

    /** A value made from the open backend on first successful use; the open backend never changes once set. */
    private static final class Lazy<T> {
        private final Supplier<T> make;
        private volatile T value;

        Lazy(Supplier<T> make) {
            this.make = make;
        }

        T get() {
            T v = value;
            if (v == null) {
                v = make.get();
                value = v;
            }
            return v;
        }
    }
}
