package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** search, cite, stats and the filters through the real command line, on the seed corpus. */
@Timeout(60)
class CliCommandsTest {
    @TempDir
    static Path home;
    static String index;

    @BeforeAll
    static void ingestSeed() {
        Cli.seedHome(home);
        index = home.resolve("index").toString();
    }

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--index", index, "--home", home.toString()));
        return Cli.run(all.toArray(String[]::new)).assertNoStackTrace();
    }

    private static List<JsonNode> hits(Cli.Result r) {
        assertThat(r.status()).as(r.toString()).isZero();
        List<JsonNode> out = new ArrayList<>();
        r.json().get("hits").forEach(out::add);
        return out;
    }

    @Test
    void searchJsonListsRankedPassagesWithMetadata() {
        Cli.Result r = run("search", "Blinken", "Gantz", "escalation", "--json");
        List<JsonNode> hits = hits(r);
        assertThat(r.json().get("query").asText()).isEqualTo("Blinken Gantz escalation");
        assertThat(hits).isNotEmpty();
        assertThat(hits.getFirst().get("articleId").asText()).isEqualTo("003_b57a007ab773b582");
        double last = Double.MAX_VALUE;
        for (JsonNode h : hits) {
            assertThat(h.get("passageId").asText()).startsWith(h.get("articleId").asText() + ":");
            assertThat(h.get("score").asDouble()).isLessThanOrEqualTo(last);
            last = h.get("score").asDouble();
            assertThat(h.get("end").asInt() - h.get("start").asInt()).isEqualTo(h.get("text").asText().length());
        }
    }

    @Test
    void citeArticleAndPassage() {
        Cli.Result article = run("cite", "003_b57a007ab773b582");
        assertThat(article.status()).as(article.toString()).isZero();
        assertThat(article.out()).startsWith("Blinken to Gantz: US does not want to see escalation with Iran")
                .contains("JNS · 2024-04-16");

        Cli.Result json = run("cite", "003_b57a007ab773b582", "--json");
        JsonNode a = json.json();
        String body = a.get("body").asText();

        Cli.Result passage = run("cite", "003_b57a007ab773b582:1", "--json");
        assertThat(passage.status()).as(passage.toString()).isZero();
        JsonNode p = passage.json();
        assertThat(p.get("passage").get("passageId").asText()).isEqualTo("003_b57a007ab773b582:1");
        assertThat(p.get("passage").get("text").asText())
                .isEqualTo(body.substring(p.get("passage").get("start").asInt(), p.get("passage").get("end").asInt()));
        assertThat(p.get("before").get("passageId").asText()).isEqualTo("003_b57a007ab773b582:0");
        assertThat(p.get("article").get("id").asText()).isEqualTo("003_b57a007ab773b582");
        assertThat(p.get("article").get("body").isNull()).isTrue();

        Cli.Result plain = run("cite", "003_b57a007ab773b582:0");
        assertThat(plain.status()).isZero();
        assertThat(plain.out()).contains("passage 003_b57a007ab773b582:0").contains(">> ");
    }

    @Test
    void unknownIdsAreAClearErrorWithExitOne() {
        for (String id : List.of("no_such_article", "no_such_article:0", "003_b57a007ab773b582:999", "*", "")) {
            Cli.Result r = run("cite", id);
            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("no article or passage with id '" + id + "'");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void statsJsonCountsTheSeedCorpus() {
        Cli.Result r = run("stats", "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        JsonNode s = r.json();
        assertThat(s.get("articles").asInt()).isEqualTo(5);
        assertThat(s.get("passages").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(s.get("earliest").asText()).isEqualTo("2021-05-25");
        assertThat(s.get("latest").asText()).isEqualTo("2024-04-17");
        List<String> outlets = new ArrayList<>();
        s.get("outlets").forEach(o -> outlets.add(o.get("outlet").asText() + "=" + o.get("articles").asInt()));
        assertThat(outlets).containsExactly("JNS=2", "Iran International=1", "Jewish Insider=1", "The Jewish Chronicle=1");

        Cli.Result plain = run("stats");
        assertThat(plain.out()).startsWith("5 articles, ");
    }

    @Test
    void outletFilterRestrictsInsideTheQuery() {
        // the query favours another outlet's article; with --limit 1 a post-filter would come back empty
        List<JsonNode> unfiltered = hits(run("search", "Blinken", "Gantz", "escalation", "--json", "--limit", "1"));
        assertThat(unfiltered.getFirst().get("outlet").asText()).isEqualTo("JNS");
        List<JsonNode> chronicle = hits(run("search", "Blinken", "Gantz", "escalation", "--json", "--limit", "1",
                "--outlet", "the jewish chronicle"));
        assertThat(chronicle).hasSize(1);
        assertThat(chronicle.getFirst().get("articleId").asText()).isEqualTo("004_5ff4088bb7f5de5b");

        List<JsonNode> two = hits(run("search", "Blinken", "--json", "--limit", "50", "--outlet", "JNS,Jewish Insider"));
        assertThat(two).isNotEmpty().allSatisfy(h -> assertThat(h.get("outlet").asText()).isIn("JNS", "Jewish Insider"));
        assertThat(two.stream().map(h -> h.get("outlet").asText()).distinct()).hasSize(2);

        // an outlet the index does not hold is a usage error naming the indexed ones (issue 19), not an empty result
        Cli.Result unknown = run("search", "Blinken", "--outlet", "Nobody Times");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("--outlet \"Nobody Times\" is not an indexed outlet; the index has JNS");
        Cli.Result none = run("search", "Blinken", "--since", "2030-01-01");
        assertThat(none.status()).isZero();
        assertThat(none.out()).contains("with these filters");
    }

    @Test
    void dateFiltersRestrictInsideTheQuery() {
        List<JsonNode> old = hits(run("search", "Blinken", "Iran", "--json", "--limit", "1", "--until", "2021-12-31"));
        assertThat(old).hasSize(1);
        assertThat(old.getFirst().get("articleId").asText()).isEqualTo("004_5ff4088bb7f5de5b");

        List<JsonNode> april = hits(run("search", "Blinken", "--json", "--limit", "100", "--since", "2024-04-16",
                "--until", "2024-04-16"));
        assertThat(april).isNotEmpty().allSatisfy(h -> assertThat(h.get("published").asText()).isEqualTo("2024-04-16"));
        assertThat(april.stream().map(h -> h.get("articleId").asText()).distinct())
                .containsExactlyInAnyOrder("000_c6effa041240b09a", "003_b57a007ab773b582");

        List<JsonNode> since = hits(run("search", "Blinken", "--json", "--limit", "100", "--since", "2024-04-17"));
        assertThat(since).isNotEmpty().allSatisfy(h ->
                assertThat(LocalDate.parse(h.get("published").asText())).isAfterOrEqualTo(LocalDate.of(2024, 4, 17)));
    }

    @Test
    void sinceAfterUntilIsAClearUsageError() {
        for (String cmd : List.of("search", "ask")) {
            Cli.Result r = run(cmd, "Blinken", "--since", "2024-05-01", "--until", "2024-01-01");
            assertThat(r.status()).as(r.toString()).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo("newsdesk: --since 2024-05-01 is after --until 2024-01-01; swap them");
        }
        Cli.Result badDate = run("search", "Blinken", "--since", "yesterday");
        assertThat(badDate.status()).isEqualTo(2);
        assertThat(badDate.err()).contains("--since").contains("yesterday");
        Cli.Result badLimit = run("search", "Blinken", "--limit", "0");
        assertThat(badLimit.status()).isEqualTo(2);
        assertThat(badLimit.err()).contains("limit 0 is outside 1..1000");
    }

    @Test
    void tenThousandCharacterQuestionIsRejectedAndSearchCapsItsTerms() {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder("Blinken Iran Israel ");
        while (sb.length() < 10_000) sb.append(dev.newsdesk.index.TestCorpus.word(r.nextInt(100_000))).append(' ');
        String huge = sb.substring(0, 10_000);

        Cli.Result ask = run("ask", huge);
        assertThat(ask.status()).as(ask.toString()).isEqualTo(2);
        assertThat(ask.err().strip()).isEqualTo("newsdesk: the question is " + huge.strip().length()
                + " characters long; keep it under " + dev.newsdesk.answer.Question.MAX_CHARS + " characters");
        assertThat(ask.out()).isEmpty();

        Cli.Result search = run("search", huge, "--json");
        List<JsonNode> hits = hits(search);
        assertThat(hits).isNotEmpty(); // "Blinken Iran Israel" come first and survive the 64-term cap
        assertThat(search.json().get("query").asText()).hasSize(10_000);
    }

    @Test
    void emptyIndexOrHomeOptionIsAnErrorNotTheWorkingDirectory() {
        Cli.Result r = Cli.run("search", "Blinken", "--index=", "--home", home.toString()).assertNoStackTrace();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("newsdesk: --index is empty; give the index directory, e.g. --index data/index");
        Cli.Result h = Cli.run("stats", "--home=", "--index", index).assertNoStackTrace();
        assertThat(h.status()).isEqualTo(1);
        assertThat(h.err()).contains("--home is empty");
    }

    @Test
    void benchWithoutArticlesOrQueriesSaysSo() {
        Cli.Result r = Cli.run("bench", "search", "--corpus", home.resolve("nothing-here").toString(), "--index", index)
                .assertNoStackTrace();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no articles in " + home.resolve("nothing-here"));
        Cli.Result q = Cli.run("bench", "search", "--corpus", home.resolve("corpus").toString(), "--queries", "0");
        assertThat(q.status()).isEqualTo(2);
        assertThat(q.err()).contains("--queries must be at least 1");
    }

    @Test
    void missingIndexGivenExplicitlyTellsHowToBuildIt() {
        Path missing = home.resolve("no-index-here");
        Cli.Result r = Cli.run("search", "Blinken", "--index", missing.toString(), "--home", home.toString())
                .assertNoStackTrace();
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("newsdesk: Index '" + missing.toAbsolutePath()
                + "' not found; run: newsdesk ingest corpus/ --index " + missing.toAbsolutePath());
        assertThat(Files.exists(missing)).as("an explicit --index is never created by a search").isFalse();
    }

    @Test
    void corruptIndexIsOneLineAndExitOne(@TempDir Path tmp) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("index"));
        try (Stream<Path> files = Files.list(Path.of(index))) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        try (Stream<Path> files = Files.list(copy)) {
            Path segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
            Files.write(segments, "this is not a Lucene commit point".getBytes());
        }
        for (String[] cmd : List.of(new String[] {"search", "Blinken"}, new String[] {"ask", "What did Blinken say?"},
                new String[] {"stats"}, new String[] {"cite", "003_b57a007ab773b582"})) {
            List<String> args = new ArrayList<>(List.of(cmd));
            args.addAll(List.of("--index", copy.toString(), "--home", home.toString()));
            Cli.Result r = Cli.run(args.toArray(String[]::new)).assertNoStackTrace();
            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err().strip().lines()).as(r.toString()).hasSize(1);
            assertThat(r.err()).contains("Index '" + copy + "' is damaged")
                    .contains("rebuild it: rm -rf " + copy + " && newsdesk ingest --index " + copy);
        }
    }
}
