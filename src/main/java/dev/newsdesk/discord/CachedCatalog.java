package dev.newsdesk.discord;

import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Hit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog, with {@code stats()} cached for a minute (or until {@link #forget()}): autocomplete runs on JDA's
 * event thread for every keystroke and must answer within 3 s, so corpus statistics are not recomputed each time
 * (counting every article of a large index took ~100 ms). Look-ups by id go straight to the catalog.
 */
final class CachedCatalog implements Catalog {
    static final long STATS_SECONDS = 60;
    private final Catalog catalog;
    private final Supplier<Instant> clock;
    private volatile Stats cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    CachedCatalog(Catalog catalog, Supplier<Instant> clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Drops the cached statistics (after a reindex), so the next /outlets or autocomplete recomputes them. */
    void forget() {
        cached = null;
    }

    @Override
    public Optional<ArticleView> article(String id) {
        return catalog.article(id);
    }

    @Override
    public Optional<Hit> passage(String id) {
        return catalog.passage(id);
    }

    @Override
    public List<Hit> passagesOf(String id) {
        return catalog.passagesOf(id);
    }

    @Override
    public List<String> articleIds() {
        return catalog.articleIds();
    }

    @Override
    public Stats stats() {
        Instant now = clock.get();
        Stats s = cached;
        if (s == null || cachedAt.plusSeconds(STATS_SECONDS).isBefore(now)) {
            s = catalog.stats();
            cached = s;
            cachedAt = now;
        }
        return s;
    }
}
