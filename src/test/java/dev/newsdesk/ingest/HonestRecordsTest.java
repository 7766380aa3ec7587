package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 8: records with wrong field types are refused by name; a truncated file keeps and counts what it read. */
class HonestRecordsTest {
    private static final String BODY = "Officials met on Tuesday to discuss the budget. The meeting lasted two hours.";

    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader(IngestLimits.DEFAULTS, new Cleaner(), 1);

    @Test
    void wrongTypesAreSkippedNamingRecordAndField() throws IOException {
        Path p = Files.writeString(dir.resolve("mixed.json"), """
                [{"title": "A good one", "body": "%s"},
                 {"title":123,"source":["a","b"],"published_at":{"x":1},"url":false,"body":42},
                 {"title": "Good title", "url": false, "body": "%s"},
                 {"title": "Authors as a list", "author": ["Ann Lee", "Bo Chan"], "id": 7, "body": "%s"}]
                """.formatted(BODY, BODY, BODY));
        CollectingSink sink = CollectingSink.read(reader, p);
        assertThat(sink.articles).extracting(Article::title).containsExactly("A good one", "Authors as a list");
        assertThat(sink.articles.get(1).author()).isEqualTo("Ann Lee, Bo Chan");
        assertThat(sink.articles.get(1).id()).isEqualTo("7");
        assertThat(sink.failures).extracting(CollectingSink.Failure::reason).containsExactly(
                "record #1: field \"title\" is a number (123), expected text (a JSON string); record skipped, fix the field or remove the record",
                "record #2: field \"url\" is a boolean (false), expected text (a JSON string); record skipped, fix the field or remove the record");
    }

    @Test
    void wrongTypesInJsonLinesNameTheLine() throws IOException {
        Path p = Files.writeString(dir.resolve("a.jsonl"), """
                {"title": "Fine", "body": "%s"}
                {"title": "Bad date", "published_at": {"x": 1}, "body": "%s"}
                {"title": "Bad body", "body": 42}
                """.formatted(BODY, BODY));
        CollectingSink sink = CollectingSink.read(reader, p);
        assertThat(sink.articles).extracting(Article::title).containsExactly("Fine");
        assertThat(sink.failures).extracting(CollectingSink.Failure::reason)
                .anySatisfy(r -> assertThat(r).startsWith("line 2: field \"published_at\" is an object"))
                .anySatisfy(r -> assertThat(r).startsWith("line 3: field \"body\" is a number (42)"));
    }

    @Test
    void truncatedGzipKeepsWhatWasReadAndSaysHowMuch() throws IOException {
        Path whole = dir.resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 3000; i++) {
                out.write(("{\"id\":\"r" + i + "\",\"title\":\"Story number " + i + " here\",\"body\":\"" + BODY
                        + " Record " + i + " says " + Integer.toHexString(i * 7919) + ".\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(whole);

        ArticleSinkEvents sink = new ArticleSinkEvents();
        reader.read(java.util.List.of(cut), sink);

        assertThat(sink.articles).isBetween(100, 2999);
        assertThat(sink.incomplete).hasSize(1);
        assertThat(sink.incomplete.getFirst()).startsWith("read " + String.format(java.util.Locale.ROOT, "%,d", sink.articles)
                + " articles, then the file ends mid-stream").contains("are kept");
        assertThat(sink.failures).isEmpty();
    }

    @Test
    void urlPathDateBeatsFirstSeenAndOutletComesFromIngestOutlet() throws IOException {
        Path p = Files.writeString(dir.resolve("rtqa.jsonl"), """
                {"url": "https://www.cnn.com/2022/12/21/politics/story/index.html", "title": "Dated by its path", "text": "%s", "first_seen": "2023-01-05"}
                {"url": "https://example.com/no-date-here", "title": "Dated by first seen", "text": "%s", "first_seen": "2023-01-05"}
                {"title": "Bbc style", "source": "Own Outlet", "body": "%s"}
                """.formatted(BODY, BODY, BODY));
        CollectingSink sink = CollectingSink.read(reader.withOutlet("BBC"), p);
        assertThat(sink.articles).extracting(Article::published).containsExactly(LocalDate.of(2022, 12, 21),
                LocalDate.of(2023, 1, 5), null);
        // --outlet fills only what the record leaves empty
        assertThat(sink.articles).extracting(Article::outlet).containsExactly("BBC", "BBC", "Own Outlet");
    }

    @Test
    void urlDates() {
        assertThat(UrlDates.of("https://www.cnn.com/2022/12/21/us/x.html")).isEqualTo(LocalDate.of(2022, 12, 21));
        assertThat(UrlDates.of("https://a.org/news/2021-03-04-title")).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(UrlDates.of("https://a.org/20200229/x")).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(UrlDates.of("https://a.org/2022/13/45/x")).isNull();
        assertThat(UrlDates.of("https://a.org/story/123456789")).isNull();
        assertThat(UrlDates.of("not a url at all")).isNull();
    }

    private static final class ArticleSinkEvents implements ArticleSink {
        int articles;
        final java.util.List<String> failures = new java.util.ArrayList<>();
        final java.util.List<String> incomplete = new java.util.ArrayList<>();

        @Override
        public void article(Article a) {
            articles++;
        }

        @Override
        public void failure(Path path, String reason) {
            failures.add(reason);
        }

        @Override
        public void incomplete(Path path, String reason) {
            incomplete.add(reason);
        }
    }
}
