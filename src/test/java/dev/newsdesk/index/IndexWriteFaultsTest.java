package dev.newsdesk.index;

import static dev.newsdesk.index.IndexAssertions.articleIds;
import static dev.newsdesk.index.IndexAssertions.assertCheckIndexClean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.SentenceChunker;
import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Write failures (disk full, read-only directory) leave the previous index searchable with the same content. */
@Timeout(120)
class IndexWriteFaultsTest {
    @TempDir
    Path tmp;

    /** A directory whose outputs fail with "No space left on device" once {@code budget} bytes have been written. */
    static final class DiskFullDirectory extends FilterDirectory {
        final AtomicLong remaining;

        DiskFullDirectory(Directory in, long budget) {
            super(in);
            this.remaining = new AtomicLong(budget);
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            return limited(super.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            return limited(super.createTempOutput(prefix, suffix, context));
        }

        private IndexOutput limited(IndexOutput out) {
            return new FilterIndexOutput("disk-full(" + out + ")", out.getName(), out) {
                @Override
                public void writeByte(byte b) throws IOException {
                    take(1);
                    super.writeByte(b);
                }

                @Override
                public void writeBytes(byte[] b, int offset, int length) throws IOException {
                    take(length);
                    super.writeBytes(b, offset, length);
                }
            };
        }

        private void take(long n) throws IOException {
            if (remaining.addAndGet(-n) < 0) throw new IOException("No space left on device");
        }
    }

    private Path baseIndex() throws IOException {
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < 3; i++) TestCorpus.writeArticle(corpus, "base" + i, "Base", LocalDate.of(2024, 5, 1 + i), i);
        Path index = tmp.resolve("index");
        var r = new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                .run(List.of(corpus), index, false, IngestListener.NONE);
        assertThat(r.summary().added()).isEqualTo(3);
        return index;
    }

    private static List<Article> many(int n) {
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Article("new" + i, "New " + i, "New Outlet", LocalDate.of(2024, 6, 1), null, null, null,
                    TestCorpus.body(50_000 + i, 10), "/nowhere/new" + i + ".md", null));
        }
        return out;
    }

    private static void assertBaseIntact(Path index) throws IOException {
        assertThat(articleIds(index)).containsExactly("base0", "base1", "base2");
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            List<Hit> hits = new Bm25Retriever(idx, true).search(new SearchRequest(TestCorpus.body(1, 8), null, 5));
            assertThat(hits).isNotEmpty();
            assertThat(hits.getFirst().articleId()).isEqualTo("base1");
            assertThat(new LuceneCatalog(idx).article("base1").orElseThrow().body()).isEqualTo(TestCorpus.body(1, 8));
        }
        assertCheckIndexClean(index);
    }

    /** Budgets that run out while flushing segment files, while writing the commit, and in between. */
    @ParameterizedTest
    @ValueSource(longs = {0, 1_000, 30_000, 150_000})
    void diskFullDuringIngestKeepsThePreviousIndex(long budget) throws IOException {
        Path index = baseIndex();
        IOException failure = null;
        try (IndexUpdater u = IndexUpdater.open(index, new DiskFullDirectory(FSDirectory.open(index), budget),
                new SentenceChunker(), null)) {
            u.update(many(300), old -> false, 0, 0, IngestListener.NONE);
        } catch (IOException e) {
            failure = e;
        }
        assertThat(failure).as("the write must fail with a budget of %d bytes", budget).isNotNull();
        assertThat(failure.getMessage()).contains("No space left on device").contains(index.toString());
        assertBaseIntact(index);

        // with space again, the same update completes and the index holds everything
        try (IndexUpdater u = IndexUpdater.open(index, new SentenceChunker(), null)) {
            IngestSummary s = u.update(many(300), old -> false, 0, 0, IngestListener.NONE);
            assertThat(s.added()).isEqualTo(300);
        }
        assertThat(articleIds(index)).hasSize(303).contains("base0", "new0", "new299");
        assertCheckIndexClean(index);
    }

    @Test
    void readOnlyIndexDirectoryFailsWithAMessageAndKeepsTheIndex() throws IOException {
        Path index = baseIndex();
        var before = Files.getPosixFilePermissions(index);
        Files.setPosixFilePermissions(index, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root ignores permission bits; there the disk-full test above covers write failures
            assumeFalse(Files.isWritable(index), "running as root: chmod does not make " + index + " read-only");
            assertThatThrownBy(() -> new CorpusIngest(new SentenceChunker(), () -> null, IngestLimits.DEFAULTS)
                    .run(List.of(TestCorpus.writeArticle(tmp.resolve("more"), "x", "X", null, 9)), index, false,
                            IngestListener.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining(index.toString());
        } finally {
            Files.setPosixFilePermissions(index, before);
        }
        assertBaseIntact(index);
    }
}
