package dev.newsdesk.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.ingest.Article;
import dev.newsdesk.ingest.ArticleSink;
import dev.newsdesk.ingest.CorpusReader;
import dev.newsdesk.ingest.IngestLimits;
import dev.newsdesk.ingest.Passage;
import dev.newsdesk.ingest.SentenceChunker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of every corpus format: valid samples mutated (byte flips, structural characters, truncation,
 * splicing, random bytes, gzip damage). Bounded by iterations, so a failure reproduces with the same seed. The reader
 * must never throw, must report each failure with the file's path and a reason (never the catch-all "unexpected
 * error", which means a parser bug), and every article it returns must chunk into valid passages.
 */
@Timeout(180)
public class CorpusReaderFuzzTest {
    static final long SEED = 20240416L;
    static final int ITERATIONS = 2_000;

    @TempDir
    Path tmp;

    static final Map<String, String> SAMPLES = new TreeMap<>(Map.of(
            "md", TestCorpus.markdown("fz", "A headline: with colon", "Fuzz Wire", java.time.LocalDate.of(2024, 4, 16),
                    TestCorpus.body(1, 6)) + "\n## Sub head\n\n* a list item\n\n> a quote that is long enough to keep.\n",
            "txt", "date 2024-04-16 " + TestCorpus.body(2, 6) + "\n\nYou have read 3 articles this month. Register to receive full access.\n",
            "json", "[{\"id\":\"j1\",\"title\":\"T \\u00e9\",\"source\":\"S\",\"published_at\":\"2023-10-01T12:00:00+00:00\","
                    + "\"url\":\"https://x.test/a\",\"body\":\"" + TestCorpus.body(3, 4).replace("\n", "\\n") + "\"},"
                    + "{\"title\":\"Second\",\"body\":\"" + TestCorpus.body(4, 3).replace("\n", "\\n") + "\",\"category\":\"news\"}]",
            "jsonl", "{\"id\":\"l1\",\"title\":\"One\",\"text\":\"" + TestCorpus.body(5, 3).replace("\n", "\\n") + "\",\"first_seen\":\"2022/03/04\"}\n"
                    + "{\"id\":\"l2\",\"headline\":\"Two\",\"content\":\"" + TestCorpus.body(6, 3).replace("\n", "\\n") + "\"}\n\n"
                    + "{\"id\":7,\"title\":null,\"body\":\"" + TestCorpus.body(7, 2) + "\"}\n",
            "html", "<!doctype html><html><head><title>Page</title><meta property=\"og:title\" content=\"OG title\">"
                    + "<meta property=\"article:published_time\" content=\"2024-04-17T08:00:00Z\">"
                    + "<meta property=\"og:site_name\" content=\"Site\"></head><body><nav>Home | News</nav><article><h1>Head</h1>"
                    + "<p>" + TestCorpus.body(8, 3) + "</p><p>" + TestCorpus.body(9, 3) + "<br>line</p><script>var x=1;</script>"
                    + "</article><footer>Copyright</footer></body></html>"));

    static final String[] STRUCTURE = {"{", "}", "[", "]", "\"", ",", ":", "\\", "\\u00", "\\ud800", "\n", "\r\n", "---\n",
            "\n---\n", "<", ">", "</p>", "<article>", "<!--", "&amp;", "&#0;", "\u0000", "\uFEFF", "\uFFFD", "date ",
            "published: ", "title: ", "id: ", "null", "1e999", "-0", "\t", " ", "\u2028", "\uD83D\uDE00", "\u202E"};

    /** One random mutation of {@code in} (also used by the eval formats' fuzz test). */
    public static byte[] mutate(Random r, byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = in.clone();
        switch (r.nextInt(8)) {
            case 0 -> { // flip bytes
                for (int i = 0, n = 1 + r.nextInt(8); i < n && b.length > 0; i++) b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                return b;
            }
            case 1 -> { // insert structural strings
                String s = new String(b, StandardCharsets.UTF_8);
                for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                    int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
                    s = s.substring(0, at) + STRUCTURE[r.nextInt(STRUCTURE.length)] + s.substring(at);
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> { // truncate
                return java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            }
            case 3 -> { // delete a range
                if (b.length < 2) return b;
                int from = r.nextInt(b.length), to = Math.min(b.length, from + r.nextInt(200));
                out.write(b, 0, from);
                out.write(b, to, b.length - to);
                return out.toByteArray();
            }
            case 4 -> { // duplicate a range (splice)
                if (b.length < 2) return b;
                int from = r.nextInt(b.length), len = Math.min(b.length - from, r.nextInt(300));
                int at = r.nextInt(b.length);
                out.write(b, 0, at);
                for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) out.write(b, from, len);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case 5 -> { // random bytes
                byte[] x = new byte[r.nextInt(2_000)];
                r.nextBytes(x);
                return x;
            }
            case 6 -> { // random bytes spliced in
                byte[] x = new byte[1 + r.nextInt(64)];
                r.nextBytes(x);
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                out.write(b, 0, at);
                out.write(x, 0, x.length);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            default -> { // repeat characters to make long tokens and lines
                String s = new String(b, StandardCharsets.UTF_8);
                String piece = STRUCTURE[r.nextInt(STRUCTURE.length)];
                int at = s.isEmpty() ? 0 : r.nextInt(s.length());
                return (s.substring(0, at) + piece.repeat(1 + r.nextInt(3_000)) + s.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(b);
        }
        return bos.toByteArray();
    }

    @Test
    void mutatedFilesOfEveryFormatNeverBreakTheReader() throws IOException {
        Random r = new Random(SEED);
        // small limits make the size checks reachable too
        CorpusReader reader = new CorpusReader(new IngestLimits(64 * 1024, 20_000));
        SentenceChunker chunker = new SentenceChunker();
        List<String> exts = new ArrayList<>(SAMPLES.keySet());
        int articles = 0, failures = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String ext = exts.get(r.nextInt(exts.size()));
            byte[] content = SAMPLES.get(ext).getBytes(StandardCharsets.UTF_8);
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) content = mutate(r, content);
            boolean gz = r.nextInt(5) == 0;
            if (gz) {
                content = gzip(content);
                if (r.nextBoolean()) content = mutate(r, content); // damage the compressed stream itself
            }
            Path file = tmp.resolve("f" + (i % 10) + "." + ext + (gz ? ".gz" : ""));
            Files.write(file, content);

            List<Article> got = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            int iteration = i;
            String what = "iteration " + iteration + " (seed " + SEED + "), file " + file.getFileName();
            reader.read(List.of(file), new ArticleSink() {
                @Override
                public void article(Article a) {
                    got.add(a);
                }

                @Override
                public void failure(Path path, String reason) {
                    assertThat(path).as(what).isEqualTo(file);
                    assertThat(reason).as(what).isNotBlank().doesNotStartWith("unexpected error");
                    reasons.add(reason);
                }
            });
            for (Article a : got) {
                assertThat(a.id()).as(what).isNotBlank();
                assertThat(a.source()).as(what).startsWith(file.toString());
                List<Passage> ps = chunker.chunk(a);
                for (Passage p : ps) assertThat(a.body().substring(p.start(), p.end())).as(what).isEqualTo(p.text());
            }
            articles += got.size();
            failures += reasons.size();
        }
        System.out.printf("corpus fuzz: %d iterations, %d articles read, %d failures reported%n", ITERATIONS, articles, failures);
        assertThat(articles).isPositive();
        assertThat(failures).isPositive();
    }
}
