package dev.newsdesk.index;

import dev.newsdesk.retrieve.Bm25Retriever;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneIndex;
import dev.newsdesk.retrieve.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * What an ingest produced, as sorted text lines that can be diffed: one line per article (id, content hash,
 * passage count, every stored field, a hash of the body) and one per passage (ids, ordinal, offsets, a hash of the
 * text). Document order inside the index is left out on purpose: with several writer threads it is not fixed.
 * Used by tests to compare ingest paths, and by hand to check that a speed change left the output alone:
 *
 * <pre>
 *   newsdesk ingest CORPUS --index /tmp/a  (before)   ...   newsdesk ingest CORPUS --index /tmp/b  (after)
 *   java -cp target/test-classes:target/classes:target/lib/* dev.newsdesk.index.IndexFingerprint /tmp/a > a.txt
 *   (same for /tmp/b), then: diff a.txt b.txt
 * </pre>
 *
 * With {@code --queries N} it also prints the BM25 top 10 (passage id and score) for the first N article titles,
 * so a change to how fields are indexed can be shown not to move any score.
 */
public final class IndexFingerprint {
    private IndexFingerprint() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        lines(dir).forEach(System.out::println);
        if (args.length == 3 && args[1].equals("--queries")) searches(dir, Integer.parseInt(args[2])).forEach(System.out::println);
    }

    /** The sorted fingerprint lines of the index in {@code dir}. */
    public static List<String> lines(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (var d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) continue;
                    out.add(line(stored.document(doc)));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static String line(Document d) {
        boolean passage = d.get(ArticleFields.PASSAGE_ID) != null;
        StringBuilder sb = new StringBuilder(passage ? "P " + d.get(ArticleFields.PASSAGE_ID) : "A " + d.get(ArticleFields.ARTICLE_ID));
        List<String> fields = new ArrayList<>();
        for (IndexableField f : d.getFields()) {
            String v = f.stringValue() != null ? f.stringValue() : String.valueOf(f.numericValue());
            if (f.name().equals(ArticleFields.BODY) || f.name().equals(ArticleFields.TEXT)) v = "sha:" + sha(v);
            fields.add(f.name() + "=" + v.replace('\n', '␤'));
        }
        for (String f : fields) sb.append(" | ").append(f);
        return sb.toString();
    }

    /** BM25 top 10 for the first {@code n} article titles: "Q title → passageId score" lines. */
    public static List<String> searches(Path dir, int n) throws IOException {
        List<String> titles = new ArrayList<>();
        for (String l : lines(dir)) {
            if (!l.startsWith("A ")) continue;
            for (String f : l.split(" \\| ")) if (f.startsWith(ArticleFields.TITLE + "=")) titles.add(f.substring(6));
        }
        titles.sort(null);
        List<String> out = new ArrayList<>();
        try (LuceneIndex idx = LuceneIndex.open(dir)) {
            Bm25Retriever r = new Bm25Retriever(idx, false);
            for (String t : titles.subList(0, Math.min(n, titles.size()))) {
                List<Hit> top = r.search(new SearchRequest(t, null, 10));
                // Passages tied with the last one may come in any order (doc order differs between runs with
                // several writer threads), so only their score is printed.
                double last = top.isEmpty() ? 0 : top.getLast().score();
                List<String> hits = new ArrayList<>();
                for (Hit h : top) {
                    hits.add(String.format(Locale.ROOT, "%.5f %s", h.score(), h.score() == last ? "(tied)" : h.passageId()));
                }
                hits.sort(null);
                out.add("Q " + t + " → " + hits);
            }
        }
        return out;
    }

    private static String sha(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path dir, Path to) throws IOException {
        Files.write(to, lines(dir));
    }
}
