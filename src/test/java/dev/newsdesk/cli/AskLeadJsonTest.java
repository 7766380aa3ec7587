package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask --json} carries the lead and its citations; the text answer prints the lead first. */
@Timeout(60)
class AskLeadJsonTest {
    @TempDir
    static Path home;

    @BeforeAll
    static void ingestSeed() {
        Cli.seedHome(home);
    }

    private static JsonNode ask(String question) {
        Cli.Result r = Cli.run("ask", question, "--json", "--home", home.toString()).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        return r.json();
    }

    @Test
    void dateQuestionLeadsWithAVerbatimCitedDate() {
        JsonNode a = ask("When did Blinken meet Netanyahu in Jerusalem?");
        assertThat(a.has("lead")).isTrue();
        assertThat(a.path("lead").isTextual()).as(a.toPrettyString()).isTrue();
        String lead = a.path("lead").asText();
        assertThat(lead.split("\\s+").length).isLessThanOrEqualTo(12);
        assertThat(lead).matches(".*\\d.*");
        assertThat(a.path("leadCitations")).isNotEmpty();
        String span = lead.endsWith(".") ? lead.substring(0, lead.length() - 1) : lead;
        for (JsonNode n : a.path("leadCitations")) {
            JsonNode c = a.path("citations").get(n.asInt() - 1);
            assertThat(c.path("n").asInt()).isEqualTo(n.asInt());
        }
        boolean verbatim = false;
        for (JsonNode n : a.path("leadCitations")) verbatim |= a.path("citations").get(n.asInt() - 1).path("quote").asText().contains(span);
        assertThat(verbatim).as("'%s' is verbatim in a cited quote", span).isTrue();
        // the existing fields are all still there
        for (String f : new String[] {"question", "answer", "abstained", "answerer", "citations", "sentences"}) assertThat(a.has(f)).as(f).isTrue();
    }

    @Test
    void openQuestionsAndAbstentionsGetNoLead() {
        JsonNode open = ask("What did Blinken tell Jewish leaders about Israel's response to Iran?");
        assertThat(open.path("lead").isNull()).as(open.toPrettyString()).isTrue();
        assertThat(open.path("leadCitations")).isEmpty();
        JsonNode off = ask("What is the best recipe for sourdough bread?");
        assertThat(off.path("abstained").asBoolean()).isTrue();
        assertThat(off.path("lead").isNull()).isTrue();
    }

    @Test
    void textAnswerPrintsTheLeadOnTheFirstLine() {
        Cli.Result r = Cli.run("ask", "When did Blinken meet Netanyahu in Jerusalem?", "--home", home.toString()).assertNoStackTrace();
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).matches(".*\\d.*\\. (\\[\\d+])+");
    }
}
