package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.IndexAssertions;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ingest as a new user meets it: wrong field types, a truncated download, a folder without outlets. */
@Timeout(120)
class HonestIngestCliTest {
    private static final String BODY = "Officials met on Tuesday to discuss the budget. The meeting lasted two hours.";

    @TempDir
    Path tmp;

    @Test
    void wrongTypesAndTruncatedGzipExit4AndSaySo() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("bad.jsonl"),
                "{\"title\":123,\"source\":[\"a\",\"b\"],\"published_at\":{\"x\":1},\"url\":false,\"body\":42}\n"
                        + "{\"title\":\"A fine story about budgets\",\"body\":\"" + BODY + "\"}\n");
        Path whole = tmp.resolve("whole.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            for (int i = 0; i < 2000; i++) {
                out.write(("{\"id\":\"g" + i + "\",\"title\":\"Story " + i + " of the day\",\"body\":\"" + BODY + " Item "
                        + Integer.toHexString(i * 7919) + " is new.\"}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(corpus.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        Path index = tmp.resolve("index");

        Cli.Result r = Cli.run("ingest", corpus.toString(), "--index", index.toString(), "--home", tmp.toString(),
                "--outlet", "BBC").assertNoStackTrace();

        assertThat(r.status()).as(r.toString()).isEqualTo(Main.EXIT_PARTIAL);
        assertThat(r.err()).contains("skipped " + corpus.resolve("bad.jsonl") + ": line 1: field \"title\" is a number (123)")
                .containsPattern("incomplete " + java.util.regex.Pattern.quote(cut.toString())
                        + ": read [\\d,]+ articles, then the file ends mid-stream")
                .doesNotContain("skipped " + cut);
        java.util.List<String> ids = IndexAssertions.articleIds(index);
        assertThat(ids).contains("g0").doesNotContain("g1999");
        try (LuceneIndex idx = LuceneIndex.open(index)) {
            assertThat(new LuceneCatalog(idx).article("g0").orElseThrow().outlet()).isEqualTo("BBC");
        }
    }
}
