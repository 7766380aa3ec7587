package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page held in memory takes the same path as an .html file; the context only fills what the page leaves out. */
class DocumentReaderTest {
    private static final String FULL = """
            <!doctype html><html><head>
            <meta property="og:title" content="Council approves the new bridge">
            <meta property="og:site_name" content="Example Times">
            <meta property="article:published_time" content="2024-03-05T09:00:00Z">
            <link rel="canonical" href="https://www.example.com/bridge">
            </head><body><nav>Home | Subscribe</nav><article>
            <h1>Council approves the new bridge</h1>
            <p>The council voted on Tuesday to build a bridge across the river. Work starts in May.</p>
            </article><footer>Copyright</footer></body></html>
            """;
    private static final String BARE = """
            <html><body><article><p>The council voted on Tuesday to build a bridge across the river.</p>
            <p>Work starts in May, the mayor said.</p></article></body></html>
            """;

    @TempDir
    Path dir;

    private final DocumentReader reader = new DocumentReader(IngestLimits.DEFAULTS, new Cleaner());

    @Test
    void aPageInMemoryIsTheArticleItsFileGives() throws IOException, BadInputException {
        Path file = dir.resolve("bridge.html");
        Files.writeString(file, FULL, StandardCharsets.UTF_8);
        Article fromFile = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS), file).only();

        Article inMemory = reader.html(FULL.getBytes(StandardCharsets.UTF_8),
                DocumentContext.file(file, "bridge", "bridge.html"));

        assertThat(inMemory).isEqualTo(fromFile);
    }

    @Test
    void theFetchContextFillsOnlyWhatThePageLeavesOut() throws BadInputException {
        Instant fetched = Instant.parse("2024-04-01T23:30:00Z");
        DocumentContext ctx = DocumentContext.fetched("https://news.example.org/a/1", fetched, "Example Daily");

        Article bare = reader.html(BARE.getBytes(StandardCharsets.UTF_8), ctx);
        assertThat(bare.url()).isEqualTo("https://news.example.org/a/1");
        assertThat(bare.outlet()).isEqualTo("Example Daily");
        assertThat(bare.published()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(bare.source()).isEqualTo("https://news.example.org/a/1");
        assertThat(bare.id()).isEqualTo(ArticleAssembler.stableHash("https://news.example.org/a/1"));

        Article full = reader.html(FULL.getBytes(StandardCharsets.UTF_8), ctx);
        assertThat(full.url()).isEqualTo("https://www.example.com/bridge");
        assertThat(full.outlet()).isEqualTo("Example Times");
        assertThat(full.published()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(full.title()).isEqualTo("Council approves the new bridge");
    }

    @Test
    void withoutAnOutletHintTheUrlsHostNamesTheOutlet() throws BadInputException {
        Article a = reader.html(BARE.getBytes(StandardCharsets.UTF_8),
                DocumentContext.fetched("https://www.example.net/story", null, null));
        assertThat(a.outlet()).isEqualTo("example.net");
        assertThat(a.published()).isNull();
    }

    @Test
    void badPagesAreRefusedWithAReason() {
        DocumentContext ctx = DocumentContext.fetched("https://example.org/x", null, null);
        assertThatThrownBy(() -> reader.html(new byte[0], ctx))
                .isInstanceOf(BadInputException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.html(new byte[] {0, 1, 2, 0, 0, 3}, ctx))
                .isInstanceOf(BadInputException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> reader.html("<html><body><nav>Home</nav></body></html>".getBytes(StandardCharsets.UTF_8), ctx))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no article text");
        DocumentReader small = new DocumentReader(new IngestLimits(100, 1_000), new Cleaner());
        assertThatThrownBy(() -> small.html(FULL.getBytes(StandardCharsets.UTF_8), ctx))
                .isInstanceOf(BadInputException.class).hasMessageContaining("over the limit of 100");
    }
}
