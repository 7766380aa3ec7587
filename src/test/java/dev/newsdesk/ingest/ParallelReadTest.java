package dev.newsdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records are cleaned on several threads, yet the sink must see exactly what a one-thread read gives: the same
 * articles, the same failures with the same reasons, in the same interleaved order, on the calling thread.
 */
class ParallelReadTest {
    @TempDir
    Path dir;

    @Test
    void severalThreadsDeliverWhatOneThreadDelivers() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            if (i % 97 == 5) jsonl.append("{not json\n");
            else if (i % 89 == 7) jsonl.append("[1, 2]\n");
            else if (i % 83 == 3) jsonl.append("{\"id\": \"b").append(i).append("\", \"body\": \"Donate now to support our journalism.\"}\n");
            else if (i % 71 == 1) jsonl.append("{\"id\": \"e").append(i).append("\", \"body\": \"   \"}\n");
            else jsonl.append("{\"id\": \"a").append(i).append("\", \"title\": \"Story ").append(i).append("\", \"body\": \"")
                    .append("Officials said on Tuesday that plan ").append(i).append(" would go ahead.\\n\\nMore News\\n\\nOther story")
                    .append("\"}\n");
        }
        Files.writeString(dir.resolve("a.jsonl"), jsonl);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("b.jsonl.gz")))) {
            out.write(jsonl.toString().replace("\"id\": \"", "\"id\": \"gz-").getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("c.json"), "[{\"title\": \"One\", \"body\": \"The first record of an array.\"}, 3, "
                + "{\"title\": \"Two\", \"body\": \"The second record of an array.\"}, {\"body\": \"\"}]");
        Files.writeString(dir.resolve("d.json"), "[{\"title\": \"Cut\", \"body\": \"A record before the damage.\"}, {\"body\": ");
        Files.writeString(dir.resolve("e.json"), "{\"title\": \"Alone\", \"body\": \"The only record of its file.\"}");
        for (int i = 0; i < 40; i++) {
            Files.writeString(dir.resolve("m" + i + ".md"), i % 13 == 4 ? "---\ntitle: never closed\n" : "Headline number " + i
                    + " of the day\n\nThe story " + i + " starts here. It has two sentences.\n");
        }
        Files.writeString(dir.resolve("x.html"), "<html><head><title>Page</title></head><body><article><p>An HTML story "
                + "with a paragraph.</p></article></body></html>");
        Files.write(dir.resolve("y.txt"), new byte[0]);
        Files.write(dir.resolve("z.jsonl.gz"), new byte[] {31, -117, 8, 0, 1, 2, 3});

        CollectingSink one = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS, new Cleaner(), 1), dir);
        CollectingSink four = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS, new Cleaner(), 4), dir);

        assertThat(one.articles).hasSizeGreaterThan(1_200);
        assertThat(one.failures).hasSizeGreaterThan(40);
        assertThat(four.events).isEqualTo(one.events);
        assertThat(four.articles).isEqualTo(one.articles);
        assertThat(four.failures).isEqualTo(one.failures);
    }

    @Test
    void theSinkIsCalledOnTheReadingThreadOnly() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 300; i++) jsonl.append("{\"body\": \"Story ").append(i).append(" is told in one sentence.\"}\n");
        Files.writeString(dir.resolve("a.jsonl"), jsonl);
        Thread reading = Thread.currentThread();
        List<Thread> callers = new java.util.ArrayList<>();
        new CorpusReader(IngestLimits.DEFAULTS, new Cleaner(), 3).read(List.of(dir), new ArticleSink() {
            @Override
            public void article(Article a) {
                callers.add(Thread.currentThread());
            }

            @Override
            public void failure(Path path, String reason) {
                callers.add(Thread.currentThread());
            }
        });
        assertThat(callers).hasSize(300).containsOnly(reading);
    }
}
