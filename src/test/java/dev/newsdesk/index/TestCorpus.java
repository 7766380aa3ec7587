package dev.newsdesk.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * Generated test articles: deterministic pseudo-English prose whose words are drawn from a large vocabulary, so two
 * articles with different seeds share almost no 5-word shingles (never folded as near-duplicates) and every article
 * is retrievable by its own rare words. Shared by the index, retrieve and cli tests.
 */
public final class TestCorpus {
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ter", "van", "dor", "sel", "pu", "rin", "ga", "zo",
            "bel", "tra", "nos", "qui", "fen", "hal", "mor", "ste", "wex"};
    private static final String[] COMMON = {"the", "minister", "said", "on", "Tuesday", "that", "talks", "would",
            "continue", "officials", "reported", "new", "plans", "for", "the", "region", "and", "its", "economy"};

    private TestCorpus() {}

    /** A made-up word, deterministic in {@code n}: 2 to 4 syllables. */
    public static String word(int n) {
        StringBuilder sb = new StringBuilder();
        int x = n;
        int len = 2 + Math.floorMod(n * 7, 3);
        for (int i = 0; i < len; i++) {
            sb.append(SYLLABLES[Math.floorMod(x, SYLLABLES.length)]);
            x = x / SYLLABLES.length + 31 * i + 7;
        }
        return sb.toString();
    }

    /** Sentences of 10 to 18 words, each starting with a capital and ending with a period. */
    public static String body(long seed, int sentences) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int words = 10 + r.nextInt(9);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String t = r.nextInt(3) == 0 ? COMMON[r.nextInt(COMMON.length)] : word(r.nextInt(200_000));
                if (w > 0) sentence.append(' ');
                sentence.append(t);
            }
            sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
            if (s > 0) sb.append(s % 4 == 0 ? "\n\n" : " ");
            sb.append(sentence).append('.');
        }
        return sb.toString();
    }

    /** A Markdown article with front matter. */
    public static String markdown(String id, String title, String outlet, LocalDate published, String body) {
        return "---\nid: " + id + "\ntitle: \"" + title + "\"\noutlet: " + outlet
                + (published == null ? "" : "\npublished: " + published) + "\n---\n" + body + "\n";
    }

    /** Writes {@code <dir>/<id>.md} with a generated body and returns its path. */
    public static Path writeArticle(Path dir, String id, String outlet, LocalDate published, long seed) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(id + ".md");
        Files.writeString(p, markdown(id, "Headline " + word((int) seed) + " " + id, outlet, published, body(seed, 8)));
        return p;
    }

    /** A JSON Lines corpus of {@code n} generated articles (ids {@code big-0..}), for scale and kill tests. */
    public static Path writeJsonl(Path file, int n, int sentences) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                LocalDate d = LocalDate.of(2023, 1, 1).plusDays(i % 365);
                w.write(String.format(Locale.ROOT,
                        "{\"id\":\"big-%d\",\"title\":\"Big story %d %s\",\"source\":\"Outlet %d\",\"published_at\":\"%s\",\"body\":\"%s\"}\n",
                        i, i, word(i), i % 7, d, body(1_000_000L + i, sentences).replace("\n", "\\n")));
            }
        }
        return file;
    }

    /** The project's seed corpus (five cleaned articles with front matter), relative to the Maven base dir. */
    public static Path seedCorpus() {
        Path p = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).resolve("corpus");
        if (!Files.isDirectory(p)) throw new IllegalStateException("seed corpus not found at " + p.toAbsolutePath());
        return p;
    }
}
