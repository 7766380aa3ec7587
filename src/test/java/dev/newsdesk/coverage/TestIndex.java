package dev.newsdesk.coverage;

import dev.newsdesk.index.CorpusIngest;
import dev.newsdesk.index.IngestListener;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Catalog;
import dev.newsdesk.retrieve.Lexicon;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.LuceneLexicon;
import dev.newsdesk.retrieve.Retriever;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A real Lucene index over a folder of articles, wired the way cli.App wires it (BM25 only). */
final class TestIndex implements AutoCloseable {
    final LuceneIndex index;
    final Retriever retriever;
    final Lexicon lexicon;
    final Catalog catalog;

    private TestIndex(LuceneIndex index) {
        this.index = index;
        this.retriever = new Bm25Retriever(index, false);
        this.lexicon = new LuceneLexicon(index);
        this.catalog = new LuceneCatalog(index);
    }

    static TestIndex build(Path corpus, Path indexDir) throws IOException {
        new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                .run(List.of(corpus), indexDir, false, IngestListener.NONE);
        return new TestIndex(LuceneIndex.open(indexDir));
    }

    static Path seedCorpus() {
        return Path.of("corpus").toAbsolutePath();
    }

    Grouper grouper() {
        return new Grouper(lexicon, new SentenceSplitter(), null, CoverageSettings.DEFAULTS);
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
