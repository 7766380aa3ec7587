package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.index.CorpusReaderFuzzTest;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of the MultiHop-RAG file parsers that {@code eval multihop} reads ({@code queries-dev.json}) and
 * {@link MultiHopCorpus} ({@code corpus.json}), with the mutations of {@link CorpusReaderFuzzTest#mutate}. A damaged file
 * is either read or rejected with an {@link UncheckedIOException} or {@link IllegalArgumentException} whose message
 * names the file; nothing else escapes (no NullPointerException, ClassCastException, ...).
 */
@Timeout(120)
class MultiHopFilesFuzzTest {
    static final long SEED = 20231001L;
    static final int ITERATIONS = 1_500;

    static final String QUERIES = """
            [{"query": "Who is on trial, according to The Verge and TechCrunch?", "answer": "Sam Bankman-Fried",
              "question_type": "inference_query", "evidence_list": [{"title": "FTX trial", "author": "A", "url": "https://x.test/a",
              "source": "The Verge", "category": "technology", "published_at": "2023-09-28T12:00:00+00:00",
              "fact": "The trial of Sam Bankman-Fried began."}], "id": "mhr-0000"},
             {"query": "Which team won the curling final?", "answer": "Insufficient information.", "question_type": "null_query",
              "evidence_list": []},
             {"query": "Did both report a rate rise?", "answer": "Yes", "question_type": "comparison_query",
              "evidence_list": [{"fact": "Rates rose.", "source": "Reuters"}, {"fact": "Rates went up.", "source": "AP"}]}]
            """;
    static final String CORPUS = """
            [{"title": "FTX trial", "author": "A", "source": "The Verge", "published_at": "2023-09-28T12:00:00+00:00",
              "category": "technology", "url": "https://x.test/a", "body": "The trial of Sam Bankman-Fried began.\\nIt will last weeks."},
             {"title": null, "source": "Reuters", "body": "Rates rose on Tuesday."}]
            """;

    @TempDir
    Path tmp;

    @Test
    void mutatedQueryFilesAreReadOrRejectedWithAMessageNamingTheFile() throws Exception {
        int[] outcome = fuzz("queries.json", QUERIES, MultiHopQueries::load);
        System.out.printf("multihop queries fuzz: %d read, %d rejected%n", outcome[0], outcome[1]);
        assertThat(outcome[0]).isPositive();
        assertThat(outcome[1]).isPositive();
    }

    @Test
    void mutatedCorpusFilesAreReadOrRejectedWithAMessageNamingTheFile() throws Exception {
        int[] outcome = fuzz("corpus.json", CORPUS, MultiHopCorpus::load);
        System.out.printf("multihop corpus fuzz: %d read, %d rejected%n", outcome[0], outcome[1]);
        assertThat(outcome[0]).isPositive();
        assertThat(outcome[1]).isPositive();
    }

    private int[] fuzz(String name, String sample, Function<Path, ?> load) throws Exception {
        Random r = new Random(SEED + name.hashCode());
        byte[] valid = sample.getBytes(StandardCharsets.UTF_8);
        Path file = tmp.resolve(name);
        int read = 0, rejected = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] bytes = valid;
            for (int k = 0, n = 1 + r.nextInt(3); k < n; k++) bytes = CorpusReaderFuzzTest.mutate(r, bytes);
            Files.write(file, bytes);
            String what = name + " iteration " + i + " (seed " + (SEED + name.hashCode()) + ")";
            try {
                load.apply(file);
                read++;
            } catch (UncheckedIOException | IllegalArgumentException e) {
                assertThat(e.getMessage()).as(what).contains(file.toString());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError(what + ": " + e + "\n--- file\n" + new String(bytes, StandardCharsets.UTF_8), e);
            }
        }
        return new int[] {read, rejected};
    }
}
