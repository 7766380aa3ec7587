package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Chunker;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.NearDuplicates;
import dev.newsdesk.sources.Poller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes what a poll pass read through the same path as file ingest ({@link IndexUpdater} into an
 * {@link IngestSink}): near-duplicates folded ("also published by"), an article whose content hash changed replaces
 * its old passages, an unchanged one is left alone, nothing the poller did not name is pruned. Each call is one
 * commit, so the poll state saved after it never names an article the index lacks.
 *
 * <p>Wire copy rarely arrives in one pass: outlet B republishes outlet A's story twenty minutes later. So the
 * articles this indexer wrote lately ({@value #RECENT}, as written, kept in memory while the poll loop or the bot
 * runs) take part in each pass's folding: a later copy folds into the indexed one (which is rewritten with the new
 * "also published by"), and an indexed one folds into an earlier-published copy that arrives later (it is removed and
 * the copy indexed with both names). A recent article the index no longer holds as written (a reindex changed it) is
 * forgotten, never written back. Not thread-safe: one pass at a time (the poller's contract).
 */
public final class PolledArticleIndexer implements Poller.Indexer {
    /** Recently written articles remembered for folding: about a day of a few dozen busy feeds. */
    static final int RECENT = 2_000;

    private final IngestSink.Opener target;
    private final Chunker chunker;
    private final Supplier<PassageEmbedder> embedder;
    private final LinkedHashMap<String, Article> recent = new LinkedHashMap<>();

    /**
     * @param target   opened once per batch (the bot passes a held writer's opener, the CLI the index directory)
     * @param embedder the passage model (null result = BM25 only); it must be the one the index was built with,
     *                 or the sink rebuilds the index, so callers pass the index's own
     */
    public PolledArticleIndexer(IngestSink.Opener target, Chunker chunker, Supplier<PassageEmbedder> embedder) {
        this.target = target;
        this.chunker = chunker;
        this.embedder = embedder;
    }

    /** An indexer writing into the Lucene index in {@code indexDir}, opening (and locking) it for each batch. */
    public static PolledArticleIndexer forIndex(Path indexDir, Chunker chunker, Supplier<PassageEmbedder> embedder) {
        return new PolledArticleIndexer(model -> LuceneIngestSink.open(indexDir, model), chunker, embedder);
    }

    @Override
    public Map<String, Outcome> index(List<Article> articles) throws IOException {
        Set<String> batchIds = new HashSet<>();
        for (Article a : articles) batchIds.add(a.id());
        PassageEmbedder e = embedder.get();
        Map<String, Outcome> out = new LinkedHashMap<>();
        try (IndexUpdater updater = new IndexUpdater(target.open(IndexUpdater.embeddingModel(e)), chunker, e)) {
            Map<String, IndexedArticle> existing = updater.indexed();
            List<Article> pool = new ArrayList<>();
            for (Iterator<Article> it = recent.values().iterator(); it.hasNext(); ) {
                Article r = it.next();
                if (batchIds.contains(r.id())) continue; // the pass brings a newer version
                IndexedArticle held = existing.get(r.id());
                if (held == null || !Objects.equals(held.contentHash(), ContentHash.of(r))) it.remove();
                else pool.add(r);
            }
            Set<String> recentIds = new HashSet<>();
            for (Article r : pool) recentIds.add(r.id());
            pool.addAll(articles);
            Map<String, Article> kept = new LinkedHashMap<>();
            for (Article a : new NearDuplicates().fold(pool)) kept.putIfAbsent(a.id(), a);

            List<Article> toWrite = new ArrayList<>();
            Set<String> remove = new HashSet<>();
            for (String id : recentIds) {
                Article now = kept.get(id);
                if (now == null) remove.add(id); // folded into an earlier-published copy from this pass
                else if (!now.equals(recent.get(id))) toWrite.add(now); // gained an "also published by"
            }
            int folded = 0;
            for (Article a : articles) {
                Article written = kept.get(a.id());
                if (written == null) {
                    folded++;
                    out.put(a.id(), Outcome.FOLDED);
                    if (existing.containsKey(a.id())) remove.add(a.id()); // its own earlier version would linger
                    continue;
                }
                if (!out.containsKey(a.id())) toWrite.add(written);
                IndexedArticle old = existing.get(a.id());
                out.put(a.id(), old == null ? Outcome.ADDED
                        : Objects.equals(old.contentHash(), ContentHash.of(written)) ? Outcome.UNCHANGED : Outcome.UPDATED);
            }
            // Pruned: only what folding just replaced. A poll sees a few listings, not the corpus.
            updater.update(toWrite, old -> remove.contains(old.id()), 0, folded, IngestListener.NONE);
            remember(toWrite, remove);
        }
        return out;
    }

    /** After a successful write: the articles as the index now holds them, newest last, at most {@link #RECENT}. */
    private void remember(List<Article> written, Set<String> removed) {
        for (String id : removed) recent.remove(id);
        for (Article a : written) {
            recent.remove(a.id());
            recent.put(a.id(), a);
        }
        for (Iterator<String> it = recent.keySet().iterator(); recent.size() > RECENT && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }
}
