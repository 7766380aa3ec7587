package dev.newsdesk.retrieve;

import dev.newsdesk.index.Analyzers;
import dev.newsdesk.index.ArticleFields;
import dev.newsdesk.index.IndexMetadata;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The one owner of an open index for searching: its directory, a {@link SearcherManager} that hands out
 * point-in-time searchers and picks up new commits on {@link #refresh()}, and the analyzer queries use. Thread-safe.
 */
public final class LuceneIndex implements Closeable {
    private final Path path;
    private final Directory directory;
    private final SearcherManager searchers;
    private final Analyzer analyzer = Analyzers.english();

    private LuceneIndex(Path path, Directory directory, SearcherManager searchers) {
        this.path = path;
        this.directory = directory;
        this.searchers = searchers;
    }

    /**
     * @throws IndexUnavailableException naming the path and the command that fixes it, when the index is missing,
     *                                   damaged or from an incompatible version
     */
    public static LuceneIndex open(Path path) {
        if (!Files.isDirectory(path)) {
            throw new IndexUnavailableException("Index '" + path + "' not found; run: newsdesk ingest corpus/ --index " + path);
        }
        Directory dir = null;
        try {
            dir = FSDirectory.open(path);
            if (!DirectoryReader.indexExists(dir)) {
                throw new IndexUnavailableException("Index '" + path + "' is empty (no completed ingest); run: newsdesk ingest corpus/ --index " + path);
            }
            SearcherManager manager = new SearcherManager(dir, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(org.apache.lucene.index.IndexReader reader, org.apache.lucene.index.IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(reader);
                    s.setSimilarity(Analyzers.similarity());
                    return s;
                }
            });
            return new LuceneIndex(path, dir, manager);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException | NoSuchFileException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("Index '" + path + "' is damaged or was written by an incompatible version ("
                    + e.getMessage() + "); rebuild it: rm -rf " + path + " && newsdesk ingest --index " + path, e);
        } catch (java.io.EOFException e) {
            // a truncated file (a copy cut short, a full disk outside Lucene's commit protocol)
            closeQuietly(dir);
            throw new IndexUnavailableException("Index '" + path + "' is damaged (a file ends early: " + e.getMessage()
                    + "); rebuild it: rm -rf " + path + " && newsdesk ingest --index " + path, e);
        } catch (IOException e) {
            closeQuietly(dir);
            throw new IndexUnavailableException("Cannot open index '" + path + "' (" + e
                    + "); check its permissions, or rebuild it: rm -rf " + path + " && newsdesk ingest --index " + path, e);
        } catch (RuntimeException e) {
            closeQuietly(dir);
            throw e;
        }
    }

    private static void closeQuietly(Directory dir) {
        if (dir == null) return;
        try {
            dir.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code fn} on a point-in-time searcher, released afterwards. */
    public <T> T withSearcher(SearcherFunction<T> fn) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return fn.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed on index '" + path + "': " + e.getMessage(), e);
        }
    }

    /** Picks up the latest commit (after an ingest by this or another process). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    public Map<String, String> metadata() {
        return withSearcher(s -> IndexMetadata.read((DirectoryReader) s.getIndexReader()));
    }

    /** The embedding model id the passages were embedded with, or "none". */
    public String embeddingModel() {
        return metadata().getOrDefault(ArticleFields.META_EMBEDDING, "none");
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public Path path() {
        return path;
    }

    public Directory directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        try (directory; analyzer) {
            searchers.close();
        }
    }
}
