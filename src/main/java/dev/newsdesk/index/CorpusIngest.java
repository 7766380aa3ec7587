package dev.newsdesk.index;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ArticleSink;
import dev.newsdesk.ingest.Chunker;
import dev.newsdesk.ingest.CorpusReader;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.NearDuplicates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One ingest run end to end: read every file under the roots, fold near-duplicates, and bring the index in line.
 * Used by {@code newsdesk ingest}, the first-run auto-ingest and the bot's /reindex.
 */
public final class CorpusIngest {
    /**
     * A skipped file or record, with the reason a user can act on.
     *
     * @param incomplete the file broke off after some articles, which were kept (a truncated .jsonl.gz)
     */
    public record Failure(Path path, String reason, boolean incomplete) {
        public Failure(Path path, String reason) {
            this(path, reason, false);
        }
    }

    public record Result(IngestSummary summary, List<Failure> failures) {}

    private final Chunker chunker;
    private final Supplier<PassageEmbedder> embedder;
    private final IngestLimits limits;
    private final String outlet;

    /** @param embedder supplies the passage embedder (null result = BM25 only) */
    public CorpusIngest(Chunker chunker, Supplier<PassageEmbedder> embedder, IngestLimits limits) {
        this(chunker, embedder, limits, null);
    }

    private CorpusIngest(Chunker chunker, Supplier<PassageEmbedder> embedder, IngestLimits limits, String outlet) {
        this.chunker = chunker;
        this.embedder = embedder;
        this.limits = limits;
        this.outlet = outlet;
    }

    /** @param outlet the outlet of articles whose files name none ({@code ingest --outlet}), or null */
    public CorpusIngest withOutlet(String outlet) {
        return new CorpusIngest(chunker, embedder, limits, outlet);
    }

    /**
     * @param prune remove indexed articles that this run did not see and whose source file is gone or lies under
     *              one of the roots (so ingesting a second folder never prunes the first)
     */
    public Result run(List<Path> roots, Path indexDir, boolean prune, IngestListener listener) throws IOException {
        return run(roots, model -> LuceneIngestSink.open(indexDir, model), prune, listener);
    }

    /**
     * The same run into any index: {@code target} is opened once the corpus is read and the embedding model known.
     *
     * @param prune as for {@link #run(List, Path, boolean, IngestListener)}
     */
    public Result run(List<Path> roots, IngestSink.Opener target, boolean prune, IngestListener listener)
            throws IOException {
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new IOException("corpus path '" + root + "' does not exist; pass a file or folder of articles");
            }
        }
        List<Path> absRoots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Article> articles = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        new CorpusReader(limits).withOutlet(outlet).read(absRoots, new ArticleSink() {
            @Override
            public void article(Article a) {
                articles.add(a);
            }

            @Override
            public void failure(Path path, String reason) {
                failures.add(new Failure(path, reason));
            }

            @Override
            public void incomplete(Path path, String reason) {
                failures.add(new Failure(path, reason, true));
            }
        });
        List<Article> folded = new NearDuplicates().fold(articles);
        PassageEmbedder e = embedder.get();
        try (IndexUpdater updater = new IndexUpdater(target.open(IndexUpdater.embeddingModel(e)), chunker, e)) {
            IngestSummary s = updater.update(folded, old -> prune && gone(old, absRoots), failures.size(),
                    articles.size() - folded.size(), listener);
            return new Result(s, failures);
        }
    }

    private static boolean gone(IndexedArticle old, List<Path> roots) {
        String src = old.source() == null ? "" : old.source();
        if (src.contains("://")) return false; // a polled web article: no file ingest may prune it
        int hash = src.lastIndexOf('#');
        Path file = Path.of(hash >= 0 ? src.substring(0, hash) : src).toAbsolutePath().normalize();
        return !Files.exists(file) || roots.stream().anyMatch(file::startsWith);
    }
}
