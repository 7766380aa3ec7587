package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.index.TestCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Runs newsdesk commands in process through {@link Main#run} and captures what they print. */
final class Cli {
    private Cli() {}

    record Result(int status, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n" + out, e);
            }
        }

        /** stderr holds messages for people only: no stack trace, no exception class dump. */
        Result assertNoStackTrace() {
            assertThat(err).as("stderr").doesNotContain("\tat ").doesNotContain("Exception in thread")
                    .doesNotContainPattern("(?m)^\\s*at [a-z]+\\.[\\w.$]+\\(").doesNotContain("Caused by:");
            return this;
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            status = Main.run(args, o, e);
        }
        return new Result(status, out.toString(), err.toString());
    }

    /** A project home (corpus/ with the seed articles, no config) and its index, built with {@code ingest}. */
    static Path seedHome(Path dir) {
        try {
            Path corpus = Files.createDirectories(dir.resolve("corpus"));
            try (Stream<Path> s = Files.list(TestCorpus.seedCorpus())) {
                for (Path p : s.filter(p -> p.toString().endsWith(".md")).toList()) {
                    Files.copy(p, corpus.resolve(p.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result r = run("ingest", dir.resolve("corpus").toString(), "--home", dir.toString(),
                "--index", dir.resolve("index").toString());
        assertThat(r.status()).as(r.toString()).isZero();
        return dir;
    }
}
