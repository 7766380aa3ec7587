package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CorpusReaderTest {
    private static final String BODY = "Officials met on Tuesday to discuss the budget. The meeting lasted two hours.";

    @TempDir
    Path dir;

    private final CorpusReader reader = new CorpusReader(IngestLimits.DEFAULTS);

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void markdownWithFrontMatter() throws IOException {
        Path p = write("story.md", """
                ---
                id: budget-1
                title: "Budget talks: \\"progress\\" made"
                outlet: Example Times
                published: 2024-03-05
                url: https://www.example.com/budget
                author: Jane Roe
                category: politics
                ---
                Budget talks: "progress" made

                %s
                """.formatted(BODY));
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.id()).isEqualTo("budget-1");
        assertThat(a.title()).isEqualTo("Budget talks: \"progress\" made");
        assertThat(a.outlet()).isEqualTo("Example Times");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(a.url()).isEqualTo("https://www.example.com/budget");
        assertThat(a.author()).isEqualTo("Jane Roe");
        assertThat(a.category()).isEqualTo("politics");
        assertThat(a.body()).isEqualTo(BODY); // the repeated headline is dropped
        assertThat(a.source()).isEqualTo(p.toString());
    }

    @Test
    void frontMatterWithUrlButNoOutletTakesTheHost() throws IOException {
        Path p = write("x.md", "---\nurl: https://www.theverge.com/2024/1/1/story\n---\n" + BODY);
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.outlet()).isEqualTo("theverge.com");
        assertThat(a.id()).isEqualTo("x");
    }

    @Test
    void plainTextTakesTitleAndDateFromTheText() throws IOException {
        Path p = write("plain.txt", "newsWorld\n\nCity Council Approves New Budget\n\nTuesday, 03/05/2024\n\n" + BODY + "\n");
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.id()).isEqualTo("plain");
        assertThat(a.title()).isEqualTo("City Council Approves New Budget");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(a.outlet()).isEqualTo("unknown");
        assertThat(a.body()).isEqualTo(BODY);
    }

    @Test
    void plainTextWithLeadingDateToken() throws IOException {
        Path p = write("dated.txt", " date 2024-04-16 " + BODY);
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 4, 16));
        assertThat(a.body()).isEqualTo(BODY);
        assertThat(a.title()).isEqualTo("Officials met on Tuesday to discuss the budget.");
    }

    @Test
    void hardWrappedTextIsRejoinedIntoParagraphs() throws IOException {
        Path p = write("wrapped.txt", """
                The committee published its annual report on Monday, and it
                found that spending on roads had risen for the third year in a
                row, while spending on rail had fallen by a tenth since 2020.

                A second paragraph follows.
                """);
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.body()).isEqualTo("The committee published its annual report on Monday, and it found that spending"
                + " on roads had risen for the third year in a row, while spending on rail had fallen by a tenth since"
                + " 2020.\n\nA second paragraph follows.");
    }

    @Test
    void jsonArrayWithDatasetFields() throws IOException {
        Path p = write("set.json", """
                [
                  {"title": "First", "author": null, "source": "Mashable", "published_at": "2023-11-27T08:45:59+00:00",
                   "category": "tech", "url": "https://mashable.com/a", "body": "First body text. It has two sentences."},
                  {"title": "Second", "url": "https://www.theverge.com/b", "body": "Second body text."}
                ]
                """);
        CollectingSink sink = CollectingSink.read(reader, p);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.articles).hasSize(2);
        Article first = sink.articles.get(0);
        assertThat(first.outlet()).isEqualTo("Mashable");
        assertThat(first.published()).isEqualTo(LocalDate.of(2023, 11, 27));
        assertThat(first.author()).isNull();
        assertThat(first.category()).isEqualTo("tech");
        assertThat(first.source()).isEqualTo(p + "#0");
        assertThat(first.id()).matches("[0-9a-f]{16}");
        assertThat(sink.articles.get(1).outlet()).isEqualTo("theverge.com");
        assertThat(sink.articles.get(1).source()).isEqualTo(p + "#1");
        // stable across runs and independent of where the directory lives
        CollectingSink again = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS), dir);
        assertThat(again.articles).extracting(Article::id).containsExactly(first.id(), sink.articles.get(1).id());
    }

    @Test
    void singleJsonObjectIsAOneArticleFile() throws IOException {
        Path p = write("lone.json", "{\"title\": \"Lone\", \"body\": \"" + BODY + "\"}");
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.id()).isEqualTo("lone");
        assertThat(a.source()).isEqualTo(p.toString());
    }

    @Test
    void jsonLinesWithBbcAndNewsScaleFields() throws IOException {
        Path p = write("bbc-mixed.jsonl", """
                {"id": "bbc-business-001", "category": "business", "title": "Ad sales boost profit", "body": "Quarterly profits rose.\\n\\nThe firm said so."}

                {"url": "http://www.usatoday.com/story/x", "title": "Expensive city", "text": "Singapore is expensive.", "first_seen": "2022/06/13/03:36", "question_id": "q1"}
                """);
        CollectingSink sink = CollectingSink.read(reader, p);
        assertThat(sink.failures).isEmpty();
        Article bbc = sink.articles.get(0);
        assertThat(bbc.id()).isEqualTo("bbc-business-001");
        assertThat(bbc.outlet()).as("never guessed from the file name").isEqualTo("unknown");
        assertThat(bbc.body()).isEqualTo("Quarterly profits rose.\n\nThe firm said so.");
        Article web = sink.articles.get(1);
        assertThat(web.outlet()).isEqualTo("usatoday.com");
        assertThat(web.published()).isEqualTo(LocalDate.of(2022, 6, 13));
        assertThat(web.body()).isEqualTo("Singapore is expensive.");
    }

    @Test
    void gzippedJsonLines() throws IOException {
        Path p = dir.resolve("feed.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            for (int i = 0; i < 3; i++) {
                out.write(("{\"id\": \"g" + i + "\", \"title\": \"T" + i + "\", \"body\": \"Body number " + i + ".\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        CollectingSink sink = CollectingSink.read(reader, p);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.articles).extracting(Article::id).containsExactly("g0", "g1", "g2");
        assertThat(sink.articles.get(2).source()).isEqualTo(p + "#2");
    }

    @Test
    void htmlMainTextAndMetadata() throws IOException {
        Path p = write("page.html", """
                <!doctype html><html><head>
                <title>Budget | Example</title>
                <meta property="og:title" content="Council approves budget">
                <meta property="og:site_name" content="Example Gazette">
                <meta property="article:published_time" content="2024-03-05T10:00:00Z">
                <link rel="canonical" href="https://example.com/budget">
                <script>var x = "not text";</script><style>p{}</style>
                </head><body>
                <nav><a href="/">Home</a> <a href="/news">News</a></nav>
                <header>Site header</header>
                <article>
                  <h1>Council approves budget</h1>
                  <p>Officials met on
                     Tuesday to discuss the budget.</p>
                  <aside>Related: other stories</aside>
                  <p>The meeting lasted <b>two</b> hours.</p>
                  <form><input name="email"> Sign up</form>
                </article>
                <footer>Copyright</footer>
                </body></html>
                """);
        Article a = CollectingSink.read(reader, p).only();
        assertThat(a.title()).isEqualTo("Council approves budget");
        assertThat(a.outlet()).isEqualTo("Example Gazette");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(a.url()).isEqualTo("https://example.com/budget");
        assertThat(a.body()).isEqualTo("Officials met on Tuesday to discuss the budget.\n\nThe meeting lasted two hours.");
    }

    @Test
    void directoriesAreWalkedInSortedOrderSkippingHiddenAndUnknownFiles() throws IOException {
        write("b/2.md", "Second file. " + BODY);
        write("b/1.txt", "First file. " + BODY);
        write("a.txt", "Top file. " + BODY);
        write(".hidden/x.txt", BODY);
        write(".secret.txt", BODY);
        write("README.rst", "not a corpus file");
        CollectingSink sink = CollectingSink.read(reader, dir);
        assertThat(sink.failures).isEmpty();
        assertThat(sink.articles).extracting(Article::id).containsExactly("a", "1", "2");
    }

    @Test
    void badFilesAreReportedAndReadingContinues() throws IOException {
        write("01-empty.txt", "");
        write("02-blank.md", "  \n\n ");
        Path binary = dir.resolve("03-binary.txt");
        byte[] bytes = new byte[2000];
        for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31);
        Files.write(binary, bytes);
        write("04-malformed.json", "[\n  {\"title\": \"ok\", \"body\": \"Fine text.\"},\n  {\"title\": \"broken\" \"body\": 1}\n]");
        write("05-malformed.jsonl", "{\"id\": \"l1\", \"body\": \"Good line.\"}\n{not json}\n{\"id\": \"l3\", \"body\": \"Also good.\"}\n");
        write("06-only-boilerplate.txt", "You have read 3 articles this month.\nRegister to receive full access to X.\n");
        write("07-no-body.jsonl", "{\"id\": \"nb\", \"title\": \"no body\"}\n{\"id\": \"ok\", \"body\": \"Has a body.\"}\n");
        write("08-good.md", BODY);
        write("09-bad.json.gz", "this is not gzip");

        CollectingSink sink = CollectingSink.read(reader, dir);

        assertThat(sink.articles).extracting(Article::id).contains("l1", "l3", "ok", "08-good");
        assertThat(sink.articles).extracting(Article::title).contains("ok");
        assertThat(reasonFor(sink, "01-empty.txt")).contains("empty file").contains("remove it");
        assertThat(reasonFor(sink, "02-blank.md")).contains("empty file");
        assertThat(reasonFor(sink, "03-binary.txt")).contains("not valid UTF-8 text (binary?); remove it or convert it");
        assertThat(reasonFor(sink, "04-malformed.json")).contains("malformed JSON at line 3");
        assertThat(reasonFor(sink, "05-malformed.jsonl")).contains("malformed JSON on line 2").contains("fix or remove");
        assertThat(reasonFor(sink, "06-only-boilerplate.txt")).contains("no article text after cleaning");
        assertThat(reasonFor(sink, "07-no-body.jsonl")).contains("line 1").contains("no article text");
        assertThat(reasonFor(sink, "09-bad.json.gz")).contains("gzip");
        assertThat(sink.failures).hasSize(8);
        // the good article after all the bad ones was still read
        assertThat(sink.events.getLast()).startsWith("failure 09-bad");
        assertThat(sink.events).contains("article 08-good");
    }

    @Test
    void filesAndArticlesOverTheLimitsAreSkipped() throws IOException {
        CorpusReader small = new CorpusReader(new IngestLimits(1_000, 200));
        write("big.txt", "Word ".repeat(300));
        write("long.jsonl", "{\"id\": \"long\", \"body\": \"" + "x ".repeat(150) + "\"}\n{\"id\": \"short\", \"body\": \"Fine.\"}\n");
        CollectingSink sink = CollectingSink.read(small, dir);
        assertThat(reasonFor(sink, "big.txt")).contains("larger than the limit of 1000 bytes").contains("maxFileBytes");
        assertThat(reasonFor(sink, "long.jsonl")).contains("300 chars, over the limit of 200").contains("maxArticleChars");
        assertThat(sink.articles).extracting(Article::id).containsExactly("short");
    }

    @Test
    void unreadableFileIsReported() throws IOException {
        Path p = write("locked.txt", BODY);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(p), "running as root: permissions do not stop reading " + p);
            CollectingSink sink = CollectingSink.read(reader, p);
            assertThat(reasonFor(sink, "locked.txt")).contains("permission denied").contains("check its permissions");
        } finally {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void missingRootAndUnsupportedExplicitFileAreReported() throws IOException {
        Path pdf = write("paper.pdf", "%PDF");
        CollectingSink sink = CollectingSink.read(reader, dir.resolve("nope"), pdf);
        assertThat(sink.failures).extracting(CollectingSink.Failure::reason)
                .containsExactly("no such file or directory; check the path",
                        "unsupported file type '.pdf'; use .md, .txt, .json, .jsonl or .html (optionally gzipped as .gz)");
    }

    @Test
    void exceptionsFromTheSinkPropagate() throws IOException {
        Path p = write("a.txt", BODY);
        ArticleSink throwing = new ArticleSink() {
            @Override
            public void article(Article a) {
                throw new IllegalStateException("index full");
            }

            @Override
            public void failure(Path path, String reason) {
            }
        };
        assertThatThrownBy(() -> reader.read(List.of(p), throwing)).isInstanceOf(IllegalStateException.class)
                .hasMessage("index full");
    }

    private static String reasonFor(CollectingSink sink, String fileName) {
        return sink.failures.stream().filter(f -> f.path().getFileName().toString().equals(fileName))
                .map(CollectingSink.Failure::reason).findFirst()
                .orElseThrow(() -> new AssertionError("no failure for " + fileName + " in " + sink.events));
    }
}
