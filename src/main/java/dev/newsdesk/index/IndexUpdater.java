package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Chunker;
import dev.newsdesk.ingest.ContentHash;
import dev.newsdesk.ingest.Passage;
import dev.newsdesk.ingest.Span;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the on-disk index in line with a set of articles: adds new ones, replaces changed ones (by content hash),
 * leaves unchanged ones alone and optionally removes ones that are gone.
 *
 * <p>Crash safety comes from Lucene's commit protocol: a commit point is written atomically, so a process killed at
 * any moment leaves the last commit intact and searchable. Each article and its passages are replaced with one
 * {@link IndexWriter#updateDocuments} call, so every commit holds whole articles only. Work is committed every
 * {@link #COMMIT_INTERVAL_NANOS} so a killed run (expensive when passages are embedded) resumes where its last
 * commit ended: committed articles have matching hashes and are skipped. Not thread-safe: one ingest at a time,
 * enforced across processes by Lucene's write lock.
 */
public final class IndexUpdater implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);
    static final long COMMIT_INTERVAL_NANOS = 20_000_000_000L;
    /** Articles chunked and embedded together: big enough to keep the embedding model's batches full. */
    private static final int BATCH_ARTICLES = 64;
    /** Articles to write from which a run counts as bulk: its new segments skip compound files. */
    static final int BULK_ARTICLES = 500;
    /** Threads that chunk and add documents: the machine's cores (the embedding model parallelises on its own). */
    private static final int WRITER_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final Path indexDir;
    private final Directory directory;
    private final IndexWriter writer;
    private final Chunker chunker;
    private final PassageEmbedder embedder;
    private final boolean rebuild;

    private IndexUpdater(Path indexDir, Directory directory, IndexWriter writer, Chunker chunker,
                         PassageEmbedder embedder, boolean rebuild) {
        this.indexDir = indexDir;
        this.directory = directory;
        this.writer = writer;
        this.chunker = chunker;
        this.embedder = embedder;
        this.rebuild = rebuild;
    }

    /**
     * Opens (or creates) the index for writing.
     *
     * @param embedder the model for passage vectors, or null for a BM25-only index
     * @throws IOException with a message naming the directory when it is locked or unwritable
     */
    public static IndexUpdater open(Path indexDir, Chunker chunker, PassageEmbedder embedder) throws IOException {
        try {
            Files.createDirectories(indexDir);
        } catch (IOException e) {
            throw new IOException("cannot create index directory '" + indexDir + "' (" + e.getMessage()
                    + "); choose another with --index or fix its permissions", e);
        }
        return open(indexDir, FSDirectory.open(indexDir), chunker, embedder);
    }

    /**
     * Opens the index in {@code dir} for writing; takes ownership of {@code dir} (closed on failure and by
     * {@link #close}). Package-private so tests can pass a directory that fails writes (disk full, read-only).
     */
    static IndexUpdater open(Path indexDir, Directory dir, Chunker chunker, PassageEmbedder embedder) throws IOException {
        try {
            String wantedModel = embedder == null ? "none" : embedder.modelId() + "/" + embedder.dimensions();
            boolean rebuild = false;
            if (DirectoryReader.indexExists(dir)) {
                Map<String, String> meta = IndexMetadata.read(dir);
                if (!ArticleFields.SCHEMA_VERSION.equals(meta.get(ArticleFields.META_SCHEMA))) {
                    log.warn("index {} has schema {}, this version writes {}: rebuilding it", indexDir,
                            meta.get(ArticleFields.META_SCHEMA), ArticleFields.SCHEMA_VERSION);
                    rebuild = true;
                } else if (!wantedModel.equals(meta.get(ArticleFields.META_EMBEDDING))) {
                    log.warn("index {} was embedded with {}, now {}: rebuilding it", indexDir,
                            meta.get(ArticleFields.META_EMBEDDING), wantedModel);
                    rebuild = true;
                }
            }
            IndexWriterConfig cfg = new IndexWriterConfig(Analyzers.english())
                    .setSimilarity(Analyzers.similarity())
                    .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(128)
                    .setCommitOnClose(false);
            IndexWriter writer;
            try {
                writer = new IndexWriter(dir, cfg);
            } catch (LockObtainFailedException e) {
                throw new IOException("index '" + indexDir + "' is being written by another newsdesk process "
                        + "(lock file " + indexDir.resolve("write.lock") + "); wait for it to finish or stop it", e);
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("cannot open index '" + indexDir + "' for writing (" + describe(e)
                        + "); check free disk space and permissions, or choose another with --index", e);
            }
            IndexMetadata.set(writer, wantedModel);
            return new IndexUpdater(indexDir, dir, writer, chunker, embedder, rebuild);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            dir.close();
            throw new IOException("index '" + indexDir + "' is damaged or was written by an incompatible version ("
                    + describe(e) + "); rebuild it: rm -rf " + indexDir + " && newsdesk ingest --index " + indexDir, e);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** What the index holds about one article, for incremental decisions and pruning. */
    public record IndexedArticle(String id, String contentHash, String source) {}

    /** Articles currently in the index (as of the last commit plus this writer's changes). */
    public Map<String, IndexedArticle> indexed() throws IOException {
        Map<String, IndexedArticle> out = new HashMap<>();
        if (rebuild) return out;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            TermQuery q = new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE));
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q, Math.max(1, reader.maxDoc())).scoreDocs) {
                Document d = stored.document(sd.doc, Set.of(ArticleFields.ARTICLE_ID, ArticleFields.CONTENT_HASH, ArticleFields.SOURCE));
                out.put(d.get(ArticleFields.ARTICLE_ID), new IndexedArticle(d.get(ArticleFields.ARTICLE_ID),
                        d.get(ArticleFields.CONTENT_HASH), d.get(ArticleFields.SOURCE)));
            }
        }
        return out;
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
        } catch (IOException | org.apache.lucene.store.AlreadyClosedException e) {
            // Disk full, a read-only or vanished directory: say where, and that nothing half-written is visible.
            // With several writer threads, the batch that meets the full disk closes the writer and a concurrent
            // batch may report only "already closed": the writer's tragic exception names the real cause.
            Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : e;
            throw new IOException("writing index '" + indexDir + "' failed (" + describe(cause) + "); it still holds "
                    + "its last commit, searchable as before; free disk space or fix permissions and run ingest again",
                    cause);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private IngestSummary write(List<Article> articles, Predicate<IndexedArticle> prune, int failed, int folded,
                                IngestListener listener) throws IOException {
        long t0 = System.nanoTime();
        Map<String, IndexedArticle> existing = indexed();
        Set<String> seen = new HashSet<>();
        List<Article> toWrite = new ArrayList<>();
        Set<String> replacing = new HashSet<>();
        int unchanged = 0, added = 0, updated = 0;
        for (Article a : articles) {
            if (!seen.add(a.id())) {
                log.warn("article id {} appears twice (second from {}); keeping the first", a.id(), a.source());
                continue;
            }
            IndexedArticle old = existing.get(a.id());
            if (old != null && Objects.equals(old.contentHash(), ContentHash.of(a))) {
                unchanged++;
            } else {
                toWrite.add(a);
                if (old == null) {
                    added++;
                } else {
                    updated++;
                    replacing.add(a.id());
                }
            }
        }
        int removed = 0;
        for (IndexedArticle old : existing.values()) {
            if (!seen.contains(old.id()) && prune.test(old)) {
                writer.deleteDocuments(new Term(ArticleFields.ARTICLE_ID, old.id()));
                removed++;
            }
        }
        // A bulk run writes its flushed segments as plain files: packing each into a compound file copies every
        // byte once more (~2% of ingest CPU on BBC). Small runs (a /reindex adding a few stories) keep compound
        // files, so an index that grows by many small runs does not pile up ~20 files per segment.
        writer.getConfig().setUseCompoundFile(toWrite.size() < BULK_ARTICLES);
        int total = articles.size();
        int done = unchanged;
        int passages = 0;
        listener.progress(done, total, 0);
        long lastCommit = System.nanoTime();
        // Batches are chunked, embedded and added on WRITER_THREADS threads (IndexWriter is thread-safe and each
        // addDocuments is atomic, so a commit taken meanwhile still holds whole articles only). A window of
        // 2 x threads batches in flight bounds memory.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(WRITER_THREADS);
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<Integer>> inFlight = new java.util.ArrayDeque<>();
            java.util.ArrayDeque<Integer> sizes = new java.util.ArrayDeque<>();
            for (int i = 0; i < toWrite.size() || !inFlight.isEmpty(); ) {
                if (i < toWrite.size() && inFlight.size() < 2 * WRITER_THREADS) {
                    List<Article> batch = toWrite.subList(i, Math.min(toWrite.size(), i + BATCH_ARTICLES));
                    inFlight.add(pool.submit(() -> writeBatch(batch, replacing)));
                    sizes.add(batch.size());
                    i += batch.size();
                    continue;
                }
                passages += await(inFlight.poll());
                done += sizes.poll();
                listener.progress(done, total, passages);
                if (System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS) {
                    writer.commit();
                    listener.committed(done);
                    lastCommit = System.nanoTime();
                }
            }
            flushOn(pool);
        } finally {
            pool.shutdownNow();
        }
        writer.commit();
        listener.committed(done);
        return new IngestSummary(added, updated, unchanged, removed, failed, folded, passages,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Writes the in-memory segments to disk on the pool's threads, one segment per thread at a time. Left to
     * {@link IndexWriter#commit}, the calling thread flushes every thread's buffer one after the other: on the BBC
     * corpus that serial flush (building the term dictionaries and postings) was a quarter of ingest's CPU with the
     * other core idle. The commit that follows then only has to sync files and write the commit point.
     */
    private void flushOn(java.util.concurrent.ExecutorService pool) throws IOException {
        List<java.util.concurrent.Future<Integer>> flushes = new ArrayList<>();
        for (int t = 0; t < WRITER_THREADS; t++) {
            flushes.add(pool.submit(() -> {
                int n = 0;
                while (writer.flushNextBuffer()) n++;
                return n;
            }));
        }
        for (var f : flushes) await(f);
    }

    private static int await(java.util.concurrent.Future<Integer> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("ingest interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
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
            List<Document> docs = new ArrayList<>(ps.size() + 1);
            docs.add(articleDoc(a, ps.size()));
            for (Passage p : ps) {
                // A passage's sentences come right before it, in the same block: SentenceRetriever maps a sentence to
                // the next passage document, so this order is part of the schema.
                addSentenceDocs(a, p, docs);
                docs.add(passageDoc(a, p, vectors == null ? null : vectors.get(v++)));
            }
            if (replacing.contains(a.id())) writer.updateDocuments(new Term(ArticleFields.ARTICLE_ID, a.id()), docs);
            else writer.addDocuments(docs);
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

    private static Document articleDoc(Article a, int passageCount) {
        Document d = new Document();
        d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_ARTICLE, Field.Store.NO));
        // An empty passage-text field, so every document has a norm for TEXT. Without it the field's norms are
        // sparse (article documents lack it), and Lucene's postings writer looks up the norm of each posting with
        // a fresh sparse-norms iterator per term that scans its block linearly from the start: in a flushed
        // segment of < 4,096 passages that was about a third of ingest's CPU. An empty field adds no term, so the
        // field's doc count, its total term count and every BM25 score stay exactly as they were.
        d.add(new TextField(ArticleFields.TEXT, "", Field.Store.NO));
        d.add(new TextField(ArticleFields.SENTENCE, "", Field.Store.NO));
        d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.CONTENT_HASH, ContentHash.of(a)));
        addMetadata(d, a);
        d.add(new StoredField(ArticleFields.BODY, a.body()));
        d.add(new StoredField(ArticleFields.SOURCE, a.source() == null ? "" : a.source()));
        for (String other : a.alsoPublishedBy()) d.add(new StoredField(ArticleFields.ALSO_PUBLISHED_BY, other));
        d.add(new StoredField(ArticleFields.PASSAGE_COUNT, passageCount));
        return d;
    }

    private static Document passageDoc(Article a, Passage p, float[] vector) {
        Document d = new Document();
        d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_PASSAGE, Field.Store.NO));
        d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.YES));
        d.add(new StringField(ArticleFields.PASSAGE_ID, p.id(), Field.Store.YES));
        d.add(new IntField(ArticleFields.ORDINAL, p.ordinal(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.START, p.start()));
        d.add(new StoredField(ArticleFields.END, p.end()));
        d.add(new TextField(ArticleFields.TEXT, p.text(), Field.Store.YES));
        d.add(new TextField(ArticleFields.SENTENCE, "", Field.Store.NO)); // dense norms, as in articleDoc
        addMetadata(d, a);
        if (vector != null) {
            d.add(new KnnFloatVectorField(ArticleFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return d;
    }

    /**
     * One document per sentence of the passage, the sentences the chunker packed it from: the sentence text and
     * the article id (so replacing or removing the article takes its sentences along), nothing stored. Filters and
     * citations come from the passage document the sentence belongs to, which follows it in the block.
     */
    private static void addSentenceDocs(Article a, Passage p, List<Document> docs) {
        String outletKey = a.outlet().toLowerCase(java.util.Locale.ROOT);
        for (Span s : p.sentences()) {
            Document d = new Document();
            d.add(new StringField(ArticleFields.KIND, ArticleFields.KIND_SENTENCE, Field.Store.NO));
            d.add(new StringField(ArticleFields.ARTICLE_ID, a.id(), Field.Store.NO));
            d.add(new TextField(ArticleFields.SENTENCE, p.text().substring(s.start(), s.end()), Field.Store.NO));
            // Empty passage and headline fields keep those fields' norms dense (see articleDoc); they add no term.
            d.add(new TextField(ArticleFields.TEXT, "", Field.Store.NO));
            d.add(new TextField(ArticleFields.TITLE, "", Field.Store.NO));
            d.add(new KeywordField(ArticleFields.OUTLET_KEY, outletKey, Field.Store.NO));
            if (a.published() != null) d.add(new LongField(ArticleFields.PUBLISHED, a.published().toEpochDay(), Field.Store.NO));
            docs.add(d);
        }
    }

    private static void addMetadata(Document d, Article a) {
        d.add(new TextField(ArticleFields.TITLE, a.title(), Field.Store.YES));
        d.add(new StoredField(ArticleFields.OUTLET, a.outlet()));
        d.add(new KeywordField(ArticleFields.OUTLET_KEY, a.outlet().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
        if (a.published() != null) {
            d.add(new LongField(ArticleFields.PUBLISHED, a.published().toEpochDay(), Field.Store.YES));
        }
        if (a.url() != null) d.add(new StoredField(ArticleFields.URL, a.url()));
        if (a.author() != null) d.add(new StoredField(ArticleFields.AUTHOR, a.author()));
        if (a.category() != null) d.add(new StoredField(ArticleFields.CATEGORY, a.category()));
    }

    public Path indexDir() {
        return indexDir;
    }

    /** Closes without committing anything after the last {@link #update}: an aborted run changes nothing. */
    @Override
    public void close() throws IOException {
        try (directory) {
            writer.rollback();
        }
    }
}
