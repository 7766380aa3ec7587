package dev.newsdesk.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.retrieve.LuceneIndex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Checks shared by the index, retrieve and cli tests: what an index on disk holds, and whether it is sound. */
public final class IndexAssertions {
    private IndexAssertions() {}

    /** Sorted ids of the article documents in the latest commit. */
    public static List<String> articleIds(Path index) {
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            return idx.withSearcher(s -> {
                var stored = s.storedFields();
                List<String> ids = new ArrayList<>();
                for (ScoreDoc sd : s.search(new TermQuery(new Term(ArticleFields.KIND, ArticleFields.KIND_ARTICLE)),
                        Math.max(1, s.getIndexReader().maxDoc())).scoreDocs) {
                    ids.add(stored.document(sd.doc).get(ArticleFields.ARTICLE_ID));
                }
                ids.sort(null);
                return ids;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lucene's CheckIndex finds no problem (it takes the write lock, so no writer may be open). */
    public static void assertCheckIndexClean(Path index) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
            CheckIndex.Status status = check.checkIndex();
            assertThat(status.clean).as("CheckIndex on %s:%n%s", index, log.toString(StandardCharsets.UTF_8)).isTrue();
        }
    }
}
