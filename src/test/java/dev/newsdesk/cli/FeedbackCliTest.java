package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ask, vote, report a citation, and read it back through insights, history and export-feedback (real SQLite). */
class FeedbackCliTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void seed() {
        Cli.seedHome(home);
    }

    private static long ask(String question) {
        Cli.Result r = Cli.run("ask", question, "--json", "--home", home.toString()).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json().get("id").isIntegralNumber()).as(r.out()).isTrue();
        return r.json().get("id").asLong();
    }

    @Test
    void aVoteAndAReportedCitationShowUpInInsightsHistoryAndExport() throws Exception {
        long id = ask("What did Blinken tell Jewish leaders about Israel's response to Iran?");
        ask("What is the best recipe for sourdough bread?");
        ask("Which sourdough bread recipe do bakers like?");

        Cli.Result down = Cli.run("feedback", String.valueOf(id), "down", "--home", home.toString());
        assertThat(down.status()).as(down.toString()).isZero();
        // a second vote by the same user replaces the first
        Cli.run("feedback", String.valueOf(id), "up", "--home", home.toString());
        Cli.run("feedback", String.valueOf(id), "down", "--home", home.toString());
        Cli.Result report = Cli.run("feedback", String.valueOf(id), "--citation", "1", "--reason", "wrong date",
                "--home", home.toString());
        assertThat(report.status()).as(report.toString()).isZero();
        assertThat(report.out()).contains("citation [1]");

        Cli.Result in = Cli.run("insights", "--json", "--home", home.toString());
        assertThat(in.status()).as(in.toString()).isZero();
        JsonNode j = in.json();
        assertThat(j.get("store").asText()).isEqualTo("ok");
        assertThat(j.get("questions").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(j.get("abstained").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(j.get("feedback").get("down").asInt()).isEqualTo(1);
        assertThat(j.get("feedback").get("up").asInt()).isZero();
        assertThat(j.get("feedback").get("citationsFlagged").asInt()).isEqualTo(1);
        assertThat(j.get("latencyMs").get("p95").asLong()).isGreaterThanOrEqualTo(j.get("latencyMs").get("p50").asLong());
        assertThat(j.get("perDay")).isNotEmpty();
        assertThat(j.get("gaps").get(0).get("terms").toString()).contains("bread").contains("recipe");
        assertThat(j.get("gaps").get(0).get("count").asInt()).isEqualTo(2);
        JsonNode flagged = j.get("flaggedCitations").get(0);
        assertThat(flagged.get("questionId").asLong()).isEqualTo(id);
        assertThat(flagged.get("reasons").toString()).contains("wrong date");
        assertThat(flagged.get("quote").asText()).isNotBlank();

        Cli.Result history = Cli.run("history", "--json", "--home", home.toString());
        JsonNode mine = null;
        for (JsonNode h : history.json()) if (h.get("id").asLong() == id) mine = h;
        assertThat(mine).as(history.out()).isNotNull();
        assertThat(mine.get("surface").asText()).isEqualTo("cli");
        assertThat(mine.get("feedback").get("down").asInt()).isEqualTo(1);

        Path out = home.resolve("export/feedback.jsonl");
        Cli.Result export = Cli.run("export-feedback", "--out", out.toString(), "--home", home.toString());
        assertThat(export.status()).as(export.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        ObjectMapper m = new ObjectMapper();
        JsonNode reported = m.readTree(lines.get(0));
        assertThat(reported.get("label").asText()).isEqualTo("reported");
        assertThat(reported.get("reason").asText()).isEqualTo("wrong date");
        assertThat(reported.get("passage").asText()).contains(reported.get("quote").asText());
        assertThat(lines).hasSize(2);
        assertThat(m.readTree(lines.get(1)).get("label").asText()).isEqualTo("down");
    }

    @Test
    void feedbackOnAnUnknownAnswerOrCitationSaysWhatToDo() {
        long id = ask("What did Blinken tell Jewish leaders about Israel's response to Iran?");
        Cli.Result unknown = Cli.run("feedback", "999999", "up", "--home", home.toString()).assertNoStackTrace();
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("no stored answer has id 999999").contains("history");
        Cli.Result badCitation = Cli.run("feedback", String.valueOf(id), "--citation", "99", "--home", home.toString())
                .assertNoStackTrace();
        assertThat(badCitation.err()).contains("--citation must be between 1 and");
        Cli.Result badVote = Cli.run("feedback", String.valueOf(id), "sideways", "--home", home.toString()).assertNoStackTrace();
        assertThat(badVote.err()).contains("'sideways' is not a vote");
    }

    @Test
    void aStoreThatCannotBeOpenedLeavesTheAnswerAndSaysSo() throws Exception {
        Path broken = home.resolve("broken");
        Cli.seedHome(broken);
        Files.createDirectories(broken.resolve("data"));
        Files.writeString(broken.resolve("data/newsdesk.db"), "this is not a database, it is a corrupt file ".repeat(200));
        Cli.Result r = Cli.run("ask", "What did Blinken tell Jewish leaders about Israel's response to Iran?", "--json",
                "--home", broken.toString()).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json().get("abstained").asBoolean()).isFalse();
        assertThat(r.json().get("id").isNull()).isTrue();
        assertThat(r.err()).contains("not recorded");
        Cli.Result in = Cli.run("insights", "--json", "--home", broken.toString()).assertNoStackTrace();
        assertThat(in.status()).isNotZero();
        assertThat(in.json().get("store").asText()).startsWith("unavailable");
        assertThat(in.json().get("questions").asInt()).isZero();
        // the file is left as it was: nothing is lost by trying
        assertThat(Files.readString(broken.resolve("data/newsdesk.db"))).startsWith("this is not a database");
    }
}
