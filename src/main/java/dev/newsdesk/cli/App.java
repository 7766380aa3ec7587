package dev.newsdesk.cli;

import dev.newsdesk.answer.Answerer;
import dev.newsdesk.answer.ExtractiveAnswerer;
import dev.newsdesk.config.NewsdeskConfig;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.Retriever;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place where objects are wired by constructor (as TJ-Bot's {@code Features} or Javalin's app). Owns the
 * open index; commands get their collaborators from here and close it with try-with-resources.
 */
final class App implements Closeable {
    final NewsdeskConfig config;
    final Path indexDir;
    final boolean indexGiven;
    private LuceneIndex index;

    private App(NewsdeskConfig config, Path indexDir, boolean indexGiven) {
        this.config = config;
        this.indexDir = indexDir;
        this.indexGiven = indexGiven;
    }

    static App create(CommonOptions common) {
        // Path.of("") is the working directory: an empty --index would silently search (or ingest into) it
        if (common.index != null && common.index.toString().isBlank()) {
            throw new IllegalArgumentException("--index is empty; give the index directory, e.g. --index data/index");
        }
        if (common.home != null && common.home.toString().isBlank()) {
            throw new IllegalArgumentException("--home is empty; give the project directory that holds config/ and corpus/");
        }
        Path home = common.home != null ? common.home
                : Path.of(System.getProperty("newsdesk.home", System.getProperty("user.dir")));
        NewsdeskConfig config = NewsdeskConfig.load(home.toAbsolutePath().normalize(), System.getenv());
        Path index = common.index != null ? common.index.toAbsolutePath() : config.indexDir();
        return new App(config, index, common.index != null);
    }

    /**
     * Opens the index; when the default index does not exist yet, first ingests the default corpus so that a
     * newcomer's first {@code ask} just works.
     */
    LuceneIndex index(PrintWriter err) {
        if (index == null) {
            if (!indexGiven && !indexExists(indexDir)) {
                err.println("No index yet at " + indexDir + "; indexing " + config.corpusDirs() + " first...");
                int status = new IngestRun(this, config.corpusDirs(), false, err).call();
                if (status == Main.EXIT_ERROR) throw new IllegalStateException("could not build the index; see the messages above");
            }
            index = LuceneIndex.open(indexDir);
        }
        return index;
    }

    static boolean indexExists(Path dir) {
        try (var files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }

    Retriever retriever(PrintWriter err, boolean snippets) {
        return new Bm25Retriever(index(err), snippets);
    }

    Lexicon lexicon(PrintWriter err) {
        return new LuceneLexicon(index(err));
    }

    Catalog catalog(PrintWriter err) {
        return new LuceneCatalog(index(err));
    }

    Answerer extractive(PrintWriter err) {
        return new ExtractiveAnswerer(retriever(err, false), lexicon(err), new SentenceSplitter(),
                ExtractiveAnswerer.Settings.DEFAULTS);
    }

    @Override
    public void close() throws IOException {
        if (index != null) index.close();
    }
}
