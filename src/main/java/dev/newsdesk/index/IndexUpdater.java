package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Chunker;
import dev.newsdesk.ingest.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.lucene.store.Directory;

/**
 * Brings an index in line with a set of articles: adds new ones, replaces changed ones (by content hash), leaves
 * unchanged ones alone and optionally removes ones that are gone. What to do is decided up front
 * ({@link UpdatePlan}); the articles to write are chunked, embedded and handed to the {@link IngestSink} on
 * several threads; the sink stores them (the embedded Lucene index: {@link #open}).
 *
 * <p>Work is committed every {@link #COMMIT_INTERVAL_NANOS} so a killed run (expensive when passages are embedded)
 * resumes where its last commit ended: committed articles have matching hashes and are skipped. Not thread-safe:
 * one ingest at a time.
 */
public final class IndexUpdater implements Closeable {
    static final long COMMIT_INTERVAL_NANOS = 20_000_000_000L;
    /** Articles chunked and embedded together: big enough to keep the embedding model's batches full. */
    private static final int BATCH_ARTICLES = 64;
    /** Threads that chunk and add documents: the machine's cores (the embedding model parallelises on its own). */
    private static final int WRITER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final IngestSink sink;
    private final Chunker chunker;
    private final PassageEmbedder embedder;

    /**
     * @param sink     where the articles go; owned from now on (closed by {@link #close})
     * @param embedder the model for passage vectors, or null for a BM25-only index
     */
    public IndexUpdater(IngestSink sink, Chunker chunker, PassageEmbedder embedder) {
        this.sink = sink;
        this.chunker = chunker;
        this.embedder = embedder;
    }

    /**
     * Opens (or creates) the Lucene index in {@code indexDir} for writing.
     *
     * @param embedder the model for passage vectors, or null for a BM25-only index
     * @throws IOException with a message naming the directory when it is locked or unwritable
     */
    public static IndexUpdater open(Path indexDir, Chunker chunker, PassageEmbedder embedder) throws IOException {
        return new IndexUpdater(LuceneIngestSink.open(indexDir, embeddingModel(embedder)), chunker, embedder);
    }

    /**
     * Opens the index in {@code dir} for writing; takes ownership of {@code dir} (closed on failure and by
     * {@link #close}). Package-private so tests can pass a directory that fails writes (disk full, read-only).
     */
    static IndexUpdater open(Path indexDir, Directory dir, Chunker chunker, PassageEmbedder embedder) throws IOException {
        return new IndexUpdater(LuceneIngestSink.open(indexDir, dir, embeddingModel(embedder)), chunker, embedder);
    }

    /** What an index records as its embedding model: "model/dimensions", or "none" for BM25 only. */
    static String embeddingModel(PassageEmbedder embedder) {
        return embedder == null ? "none" : embedder.modelId() + "/" + embedder.dimensions();
    }

    /** Articles currently in the index (as of the last commit plus this updater's changes). */
    public Map<String, IndexedArticle> indexed() throws IOException {
        return sink.indexed();
    }

    /**
     * Writes the given articles (already cleaned and near-duplicate-folded) and commits.
     *
     * @param prune decides, for an indexed article absent from {@code articles}, whether to remove it
     * @param failed skipped inputs, only carried into the summary
     * @param folded near-duplicates folded away, only carried into the summary
     */
    public IngestSummary update(List<Article> articles, Predicate<IndexedArticle> prune, int failed, int folded,
                                IngestListener listener) throws IOException {
        try {
            return write(articles, prune, failed, folded, listener);
        } catch (IOException | RuntimeException e) {
            IOException failure = sink.writeFailure(e);
            if (failure == null) throw e;
            throw failure;
        }
    }

    private IngestSummary write(List<Article> articles, Predicate<IndexedArticle> prune, int failed, int folded,
                                IngestListener listener) throws IOException {
        long t0 = System.nanoTime();
        UpdatePlan plan = UpdatePlan.of(articles, sink.indexed(), prune);
        for (String id : plan.toRemove()) sink.delete(id);
        List<Article> toWrite = plan.toWrite();
        sink.expect(toWrite.size());
        int total = articles.size();
        int done = plan.unchanged();
        int passages = 0;
        listener.progress(done, total, 0);
        long lastCommit = System.nanoTime();
        // Batches are chunked, embedded and written on WRITER_THREADS threads (each article's write is atomic, so
        // a commit taken meanwhile still holds whole articles only). A window of 2 x threads batches in flight
        // bounds memory.
        ExecutorService pool = Executors.newFixedThreadPool(WRITER_THREADS);
        try {
            ArrayDeque<Future<Integer>> inFlight = new ArrayDeque<>();
            ArrayDeque<Integer> sizes = new ArrayDeque<>();
            for (int i = 0; i < toWrite.size() || !inFlight.isEmpty(); ) {
                if (i < toWrite.size() && inFlight.size() < 2 * WRITER_THREADS) {
                    List<Article> batch = toWrite.subList(i, Math.min(toWrite.size(), i + BATCH_ARTICLES));
                    inFlight.add(pool.submit(() -> writeBatch(batch, plan.replacing())));
                    sizes.add(batch.size());
                    i += batch.size();
                    continue;
                }
                passages += await(inFlight.poll());
                done += sizes.poll();
                listener.progress(done, total, passages);
                if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                    sink.commit();
                    listener.committed(done);
                    lastCommit = System.nanoTime();
                }
            }
            flushOn(pool);
        } finally {
            pool.shutdownNow();
        }
        sink.commit();
        listener.committed(done);
        return new IngestSummary(plan.added(), plan.updated(), plan.unchanged(), plan.toRemove().size(), failed, folded,
                passages, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Lets the sink flush its buffers on the pool's threads, one piece per thread at a time, so that the commit
     * which follows only has to make them durable (see {@link IngestSink#flushNext}).
     */
    private void flushOn(ExecutorService pool) throws IOException {
        List<Future<Integer>> flushes = new ArrayList<>();
        for (int t = 0; t < WRITER_THREADS; t++) {
            flushes.add(pool.submit(() -> {
                int n = 0;
                while (sink.flushNext()) n++;
                return n;
            }));
        }
        for (var f : flushes) await(f);
    }

    private static int await(Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("ingest interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IOException(e.getCause());
        }
    }

    /** @param replacing ids already in the index: replaced atomically; new ones are only added (no delete to apply) */
    private int writeBatch(List<Article> batch, Set<String> replacing) throws IOException {
        List<List<Passage>> chunked = new ArrayList<>(batch.size());
        List<String> texts = new ArrayList<>();
        for (Article a : batch) {
            List<Passage> ps = chunker.chunk(a);
            chunked.add(ps);
            for (Passage p : ps) texts.add(embeddingText(a, p));
        }
        List<float[]> vectors = embedder == null ? null : embedder.embedAll(texts);
        int v = 0, n = 0;
        for (int i = 0; i < batch.size(); i++) {
            Article a = batch.get(i);
            List<Passage> ps = chunked.get(i);
            sink.write(a, ps, vectors == null ? null : vectors.subList(v, v + ps.size()), replacing.contains(a.id()));
            v += ps.size();
            n += ps.size();
        }
        return n;
    }

    /**
     * The text a passage vector is computed from: headline plus passage, because a passage often names neither the
     * story nor its subject ("he said ...") and the headline supplies both.
     */
    public static String embeddingText(Article a, Passage p) {
        return a.title() + "\n" + p.text();
    }

    /** Closes without committing anything after the last {@link #update}: an aborted run changes nothing. */
    @Override
    public void close() throws IOException {
        sink.close();
    }
}
