package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The index writer a long-running process (the bot that polls its sources) keeps open from start to stop, so it
 * holds Lucene's write lock and a CLI {@code poll} or {@code ingest} meanwhile is told so instead of racing it. Its
 * users (the poller, /reindex) borrow it through {@link #opener()} one at a time: the borrowed sink's
 * {@code close} does not close the writer but rolls back whatever the borrower left uncommitted (a failed
 * update), as a sink of its own would.
 */
public final class HeldIndexWriter implements IndexTarget.Held {
    private final Path indexDir;
    private final String embeddingModel;
    private final ReentrantLock borrowed = new ReentrantLock();
    private LuceneIngestSink sink;

    private HeldIndexWriter(Path indexDir, String embeddingModel, LuceneIngestSink sink) {
        this.indexDir = indexDir;
        this.embeddingModel = embeddingModel;
        this.sink = sink;
    }

    /**
     * @param embedder the model the index's passages are embedded with, or null for BM25 only
     * @throws IndexLockedException when another process holds the index for writing
     */
    public static HeldIndexWriter open(Path indexDir, PassageEmbedder embedder) throws IOException {
        String model = IndexUpdater.embeddingModel(embedder);
        return new HeldIndexWriter(indexDir, model, LuceneIngestSink.open(indexDir, model));
    }

    /**
     * Fails when another process holds the index in {@code indexDir} for writing, before anything is fetched: a
     * pass that happens to find nothing new would otherwise not notice, and report success against an index it
     * could not have written. A missing index is free.
     *
     * @throws IndexLockedException naming the directory
     */
    public static void requireNotHeld(Path indexDir) throws IOException {
        if (!java.nio.file.Files.isDirectory(indexDir)) return;
        try (org.apache.lucene.store.Directory dir = org.apache.lucene.store.FSDirectory.open(indexDir);
             org.apache.lucene.store.Lock lock = dir.obtainLock(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new IndexLockedException(indexDir, "index '" + indexDir + "' is being written by another newsdesk "
                    + "process (lock file " + indexDir.resolve(org.apache.lucene.index.IndexWriter.WRITE_LOCK_NAME) + ")", e);
        }
    }

    /** Lends the writer; blocks while another borrower has it. */
    public IngestSink.Opener opener() {
        return model -> {
            if (!model.equals(embeddingModel)) {
                throw new IOException("index '" + indexDir + "' is held with embedding model " + embeddingModel
                        + ", not " + model + "; restart the bot after changing embedding.model");
            }
            borrowed.lock();
            try {
                if (sink == null) sink = LuceneIngestSink.open(indexDir, embeddingModel);
                return new Borrowed(sink);
            } catch (IOException | RuntimeException e) {
                borrowed.unlock();
                throw e;
            }
        };
    }

    private void giveBack(LuceneIngestSink used) throws IOException {
        try {
            // Uncommitted changes are a failed update's leftovers: roll them back, as closing a sink of its own would.
            // A rebuilding sink reports nothing indexed until reopened, so it is reopened after its first use too.
            boolean reopen;
            try {
                reopen = used.hasUncommittedChanges() || used.rebuilding();
            } catch (RuntimeException e) {
                reopen = true; // the writer closed itself after a failed write (disk full): start a fresh one
            }
            if (reopen) {
                sink = null;
                used.close();
                // on failure sink stays null and the next borrower tries again
                sink = LuceneIngestSink.open(indexDir, embeddingModel);
            }
        } finally {
            borrowed.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        borrowed.lock();
        try {
            if (sink != null) sink.close();
            sink = null;
        } finally {
            borrowed.unlock();
        }
    }

    /** The held sink, lent until closed. */
    private final class Borrowed implements IngestSink {
        private final LuceneIngestSink s;
        private boolean returned;

        Borrowed(LuceneIngestSink s) {
            this.s = s;
        }

        @Override
        public Map<String, IndexedArticle> indexed() throws IOException {
            return s.indexed();
        }

        @Override
        public void expect(int articles) {
            s.expect(articles);
        }

        @Override
        public void delete(String articleId) throws IOException {
            s.delete(articleId);
        }

        @Override
        public void write(Article article, List<Passage> passages, List<float[]> vectors, boolean replace) throws IOException {
            s.write(article, passages, vectors, replace);
        }

        @Override
        public boolean flushNext() throws IOException {
            return s.flushNext();
        }

        @Override
        public void commit() throws IOException {
            s.commit();
        }

        @Override
        public IOException writeFailure(Exception e) {
            return s.writeFailure(e);
        }

        @Override
        public void close() throws IOException {
            if (returned) return;
            returned = true;
            giveBack(s);
        }
    }
}
