package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Chunker;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.NearDuplicates;
import dev.newsdesk.sources.Poller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes what a poll pass read through the same path as file ingest ({@link IndexUpdater} into an
 * {@link IngestSink}): near-duplicates in the batch folded ("also published by"), an article whose content hash
 * changed replaces its old passages, an unchanged one is left alone, nothing is ever pruned. Each call is one
 * commit, so the poll state saved after it never names an article the index lacks. Not thread-safe: one pass at a
 * time (the poller's contract).
 */
public final class PolledArticleIndexer implements Poller.Indexer {
    private final IngestSink.Opener target;
    private final Chunker chunker;
    private final Supplier<PassageEmbedder> embedder;

    /**
     * @param target   opened once per batch (the bot passes a held writer's opener, the CLI the index directory)
     * @param embedder the passage model (null result = BM25 only); it must be the one the index was built with,
     *                 or the sink rebuilds the index, so callers pass the index's own (see {@link #forIndex})
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
        List<Article> kept = new NearDuplicates().fold(articles);
        Map<String, Article> keptById = new LinkedHashMap<>();
        for (Article a : kept) keptById.putIfAbsent(a.id(), a);
        PassageEmbedder e = embedder.get();
        Map<String, Outcome> out = new LinkedHashMap<>();
        try (IndexUpdater updater = new IndexUpdater(target.open(IndexUpdater.embeddingModel(e)), chunker, e)) {
            Map<String, IndexedArticle> existing = updater.indexed();
            for (Article a : articles) {
                Article written = keptById.get(a.id());
                if (written == null) {
                    out.put(a.id(), Outcome.FOLDED);
                    continue;
                }
                IndexedArticle old = existing.get(a.id());
                out.put(a.id(), old == null ? Outcome.ADDED
                        : Objects.equals(old.contentHash(), ContentHash.of(written))
                        ? Outcome.UNCHANGED : Outcome.UPDATED);
            }
            // Never prune: a poll sees a few listings, not the corpus; what is not listed any more stays indexed.
            updater.update(kept, old -> false, 0, articles.size() - kept.size(), IngestListener.NONE);
        }
        return out;
    }
}
