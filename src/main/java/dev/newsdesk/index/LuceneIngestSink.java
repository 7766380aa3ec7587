package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.Passage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Lucene index as an {@link IngestSink}: owns the {@link IndexWriter} from open to close, and with it
 * the schema and embedding-model check (an index built otherwise is rebuilt), the write lock and the commits.
 *
 * <p>Crash safety comes from Lucene's commit protocol: a commit point is written atomically, so a process killed at
 * any moment leaves the last commit intact and searchable. Each article and its passages are one
 * {@link IndexWriter#addDocuments}/{@link IndexWriter#updateDocuments} call, so every commit holds whole articles
 * only. One writer at a time, enforced across processes by Lucene's write lock.
 */
final class LuceneIngestSink implements IngestSink {
    private static final Logger log = LoggerFactory.getLogger(IndexUpdater.class);
    /** Articles to write from which a run counts as bulk: its new segments skip compound files. */
    static final int BULK_ARTICLES = 500;

    private final Path indexDir;
    private final Directory directory;
    private final IndexWriter writer;
    private final boolean rebuild;

    private LuceneIngestSink(Path indexDir, Directory directory, IndexWriter writer, boolean rebuild) {
        this.indexDir = indexDir;
        this.directory = directory;
        this.writer = writer;
        this.rebuild = rebuild;
    }

    /**
     * Opens (or creates) the index for writing.
     *
     * @param embeddingModel "model/dimensions" of the passage vectors, or "none"; an index built with another is rebuilt
     * @throws IOException with a message naming the directory when it is locked or unwritable
     */
    static LuceneIngestSink open(Path indexDir, String embeddingModel) throws IOException {
        try {
            Files.createDirectories(indexDir);
        } catch (IOException e) {
            throw new IOException("cannot create index directory '" + indexDir + "' (" + e.getMessage()
                    + "); choose another with --index or fix its permissions", e);
        }
        return open(indexDir, FSDirectory.open(indexDir), embeddingModel);
    }

    /**
     * Opens the index in {@code dir} for writing; takes ownership of {@code dir} (closed on failure and by
     * {@link #close}). Package-private so tests can pass a directory that fails writes (disk full, read-only).
     */
    static LuceneIngestSink open(Path indexDir, Directory dir, String embeddingModel) throws IOException {
        try {
            boolean rebuild = false;
            if (DirectoryReader.indexExists(dir)) {
                Map<String, String> meta = IndexMetadata.read(dir);
                if (!ArticleFields.SCHEMA_VERSION.equals(meta.get(ArticleFields.META_SCHEMA))) {
                    log.warn("index {} has schema {}, this version writes {}: rebuilding it", indexDir,
                            meta.get(ArticleFields.META_SCHEMA), ArticleFields.SCHEMA_VERSION);
                    rebuild = true;
                } else if (!embeddingModel.equals(meta.get(ArticleFields.META_EMBEDDING))) {
                    log.warn("index {} was embedded with {}, now {}: rebuilding it", indexDir,
                            meta.get(ArticleFields.META_EMBEDDING), embeddingModel);
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
                throw new IndexLockedException(indexDir, "index '" + indexDir + "' is being written by another newsdesk process "
                        + "(lock file " + indexDir.resolve("write.lock") + "); wait for it to finish or stop it", e);
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                throw e;
            } catch (IOException e) {
                throw new IOException("cannot open index '" + indexDir + "' for writing (" + describe(e)
                        + "); check free disk space and permissions, or choose another with --index", e);
            }
            IndexMetadata.set(writer, embeddingModel);
            return new LuceneIngestSink(indexDir, dir, writer, rebuild);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            dir.close();
            throw new IOException("index '" + indexDir + "' is damaged or was written by an incompatible version ("
                    + describe(e) + "); rebuild it: rm -rf " + indexDir + " && newsdesk ingest --index " + indexDir, e);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    @Override
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
     * A bulk run writes its flushed segments as plain files: packing each into a compound file copies every byte
     * once more (~2% of ingest CPU on BBC). Small runs (a /reindex adding a few stories) keep compound files, so an
     * index that grows by many small runs does not pile up ~20 files per segment.
     */
    @Override
    public void expect(int articles) {
        writer.getConfig().setUseCompoundFile(articles < BULK_ARTICLES);
    }

    @Override
    public void delete(String articleId) throws IOException {
        writer.deleteDocuments(new Term(ArticleFields.ARTICLE_ID, articleId));
    }

    @Override
    public void write(Article article, List<Passage> passages, List<float[]> vectors, boolean replace) throws IOException {
        List<Document> docs = ArticleDocuments.block(article, passages, vectors);
        // IndexWriter is thread-safe and each call is atomic, so a commit taken meanwhile holds whole articles only.
        if (replace) writer.updateDocuments(new Term(ArticleFields.ARTICLE_ID, article.id()), docs);
        else writer.addDocuments(docs);
    }

    /**
     * Writes one thread's in-memory segment to disk. Left to {@link IndexWriter#commit}, the calling thread flushes
     * every thread's buffer one after the other: on the BBC corpus that serial flush (building the term
     * dictionaries and postings) was a quarter of ingest's CPU with the other core idle.
     */
    @Override
    public boolean flushNext() throws IOException {
        return writer.flushNextBuffer();
    }

    @Override
    public void commit() throws IOException {
        writer.commit();
    }

    /** Whether something was written (or deleted) since the last commit: a held writer rolls that back. */
    boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    /** Whether this sink rebuilds the index: it reports nothing indexed until reopened after its first commit. */
    boolean rebuilding() {
        return rebuild;
    }

    /**
     * Disk full, a read-only or vanished directory: say where, and that nothing half-written is visible. With
     * several writer threads, the batch that meets the full disk closes the writer and a concurrent batch may
     * report only "already closed": the writer's tragic exception names the real cause.
     */
    @Override
    public IOException writeFailure(Exception e) {
        if (!(e instanceof IOException) && !(e instanceof AlreadyClosedException)) return null;
        Throwable cause = writer.getTragicException() != null ? writer.getTragicException() : e;
        return new IOException("writing index '" + indexDir + "' failed (" + describe(cause) + "); it still holds "
                + "its last commit, searchable as before; free disk space or fix permissions and run ingest again",
                cause);
    }

    /** Closes without committing anything after the last {@link #commit}: an aborted run changes nothing. */
    @Override
    public void close() throws IOException {
        try (directory) {
            writer.rollback();
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
