package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.retrieve.ArticleView;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.LuceneCatalog;
import dev.newsdesk.retrieve.LuceneIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ask} on the seed corpus: verbatim quotes, no boilerplate, the right articles, abstention off topic. */
@Timeout(60)
class SeedAskTest {
    static final List<String> SEED_IDS = List.of("000_c6effa041240b09a", "001_31ab4bb0d6e52d02", "002_d8b5abb78606031a",
            "003_b57a007ab773b582", "004_5ff4088bb7f5de5b");
    static final List<String> BOILERPLATE = List.of("You have read", "Register to receive", "donating",
            "Never miss a thing", "More News", "Israel at War", "loyal JNS Reader", "Just before you scroll");

    @TempDir
    static Path home;

    @BeforeAll
    static void ingestSeed() {
        Cli.seedHome(home);
    }

    private static JsonNode ask(String question) {
        // no --index: the home's default data/index does not exist yet on the first call, so this also covers the
        // first-run auto-ingest of corpus/
        Cli.Result r = Cli.run("ask", question, "--json", "--home", home.toString()).assertNoStackTrace();
        assertThat(r.status()).as(r.toString()).isZero();
        return r.json();
    }

    private static List<String> citedArticles(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("citations").forEach(c -> ids.add(c.get("articleId").asText()));
        return ids;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "What did Blinken tell Jewish leaders about Israel's response to Iran?",
            "What did Blinken discuss with Netanyahu in Jerusalem in 2021?",
            "What did Blinken tell Gantz about escalation with Iran?",
            "What did Blinken and Netanyahu discuss about a ceasefire and hostages?",
            "Should Israel's response to the Iran attack be limited?",
            "What is the best recipe for sourdough bread?"})
    void everyQuoteIsTheArticleTextBetweenStartAndEnd(String question) {
        JsonNode a = ask(question);
        if (!a.get("abstained").asBoolean()) assertThat(a.get("citations")).isNotEmpty();
        try (LuceneIndex idx = LuceneIndex.open(home.resolve("data/index"))) {
            LuceneCatalog catalog = new LuceneCatalog(idx);
            for (JsonNode c : a.get("citations")) {
                ArticleView article = catalog.article(c.get("articleId").asText()).orElseThrow();
                int start = c.get("start").asInt(), end = c.get("end").asInt();
                assertThat(c.get("quote").asText()).as(question).isEqualTo(article.body().substring(start, end));
                Hit passage = catalog.passage(c.get("passageId").asText()).orElseThrow();
                assertThat(start).isGreaterThanOrEqualTo(passage.start());
                assertThat(end).isLessThanOrEqualTo(passage.end());
                assertThat(c.get("outlet").asText()).isEqualTo(article.outlet());
                if (!a.get("abstained").asBoolean()) {
                    assertThat(a.get("answer").asText()).contains(c.get("quote").asText() + " [" + c.get("n").asInt() + "]");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void citeJsonBodyMatchesTheQuotes() {
        JsonNode a = ask("What did Blinken tell Gantz about escalation with Iran?");
        for (JsonNode c : a.get("citations")) {
            Cli.Result cite = Cli.run("cite", c.get("articleId").asText(), "--json", "--home", home.toString());
            assertThat(cite.status()).isZero();
            String body = cite.json().get("body").asText();
            assertThat(body.substring(c.get("start").asInt(), c.get("end").asInt())).isEqualTo(c.get("quote").asText());
        }
    }

    @Test
    void noBoilerplateReachesAnyPassage() {
        ask("Blinken"); // makes sure the default index exists
        try (LuceneIndex idx = LuceneIndex.open(home.resolve("data/index"))) {
            LuceneCatalog catalog = new LuceneCatalog(idx);
            int passages = 0;
            for (String id : SEED_IDS) {
                ArticleView article = catalog.article(id).orElseThrow();
                List<Hit> ps = catalog.passagesOf(id);
                assertThat(ps).hasSize(article.passages());
                for (Hit p : ps) {
                    passages++;
                    for (String phrase : BOILERPLATE) assertThat(p.text()).as(p.passageId()).doesNotContain(phrase);
                    assertThat(article.body().substring(p.start(), p.end())).isEqualTo(p.text());
                }
                for (String phrase : BOILERPLATE) assertThat(article.body()).as(id).doesNotContain(phrase);
            }
            assertThat(passages).isEqualTo(new LuceneCatalog(idx).stats().passages());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void blinkenAndJewishLeadersCitesTheAprilArticles() {
        JsonNode a = ask("What did Blinken tell Jewish leaders about Israel's response to Iran?");
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isFalse();
        assertThat(citedArticles(a)).containsAnyOf("000_c6effa041240b09a", "002_d8b5abb78606031a", "003_b57a007ab773b582");
    }

    @ParameterizedTest
    @ValueSource(strings = {"What did Blinken discuss with Netanyahu in Jerusalem?",
            "What did Blinken and Netanyahu discuss in Jerusalem after the Israel-Hamas conflict?",
            "What did Blinken say in Jerusalem about Gaza reconstruction?"})
    void jerusalemMeetingCitesTheChronicleArticle(String question) {
        JsonNode a = ask(question);
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isFalse();
        assertThat(citedArticles(a)).as(a.toPrettyString()).contains("004_5ff4088bb7f5de5b");
    }

    /**
     * Known miss, reported rather than tuned away: "2021" is publication metadata, not article text, so this
     * never-matched term (the highest idf in the question) halves the best passage's coverage and the extractive
     * answerer abstains, although its closest article is the right one. {@code ask} does not use the QueryPlanner,
     * which would turn the year into a date filter.
     */
    @Test
    void jerusalemMeetingIn2021CitesTheChronicleArticle() {
        JsonNode a = ask("What did Blinken discuss with Netanyahu in Jerusalem in 2021?");
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isFalse();
        assertThat(citedArticles(a)).as(a.toPrettyString()).contains("004_5ff4088bb7f5de5b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the best recipe for sourdough bread?", "Who won the 2022 World Cup final?"})
    void offTopicQuestionsAbstainInPlainWords(String question) {
        JsonNode a = ask(question);
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isTrue();
        // Plain words first; a reason may follow (": the word “Cup” from your question appears in no indexed article").
        assertThat(a.get("answer").asText()).startsWith("The coverage in the index does not answer this question")
                .containsAnyOf("The closest articles are listed below.", "no article comes close.");
        assertThat(citedArticles(a)).allMatch(Set.copyOf(SEED_IDS)::contains).hasSizeLessThanOrEqualTo(3);
    }

    /** Questions whose answer is a name, a number or a date are answered in the lead, verbatim from a cited quote. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Who did Blinken meet in Jerusalem?|Benjamin Netanyahu",
            "Who is Israel's defense minister?|Yoav Gallant",
            "Who is the US ambassador to Israel?|Jack Lew",
            "How many Jewish leaders did Blinken meet?|roughly a dozen",
            "How many drones did Iran launch?|over 350"})
    void namesAndNumbersLeadTheAnswer(String question, String expected) {
        JsonNode a = ask(question);
        assertThat(a.get("lead").asText()).as(question).isEqualTo(expected + ".");
        assertThat(a.get("leadCitations")).as(question).isNotEmpty();
        for (JsonNode n : a.get("leadCitations")) {
            assertThat(a.get("citations").get(n.asInt() - 1).get("quote").asText()).as(question).contains(expected);
        }
    }

    @Test
    void yesNoLeadsWithYesOnlyWhenACitedSentenceStatesIt() {
        assertThat(ask("Did Blinken say Israel's response should be limited?").get("lead").asText()).startsWith("Yes");
        assertThat(ask("Did Blinken say Israel should attack Iran?").get("lead").asText())
                .isEqualTo(dev.newsdesk.answer.lead.LeadRefiner.UNSETTLED);
    }

    /** A yes/no claim one sentence turns round ("wants to prevent any further escalation") is not answered "Yes". */
    @Test
    void aSentenceSayingTheOppositeIsNoYes() {
        assertThat(ask("Did the US want Israel to escalate with Iran?").get("lead").asText())
                .isEqualTo(dev.newsdesk.answer.lead.LeadRefiner.UNSETTLED);
    }

    /** What one person said is answered by that person's words or reported speech, not another party's position. */
    @Test
    void whatSomeoneSaidIsAnsweredByTheirOwnWords() {
        JsonNode a = ask("What did Blinken tell Jewish leaders about Israel's response to Iran?");
        assertThat(a.get("citations")).as(a.toPrettyString()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("quote").asText()).contains("Blinken"));
        assertThat(a.get("answer").asText()).doesNotContain("Miller noted");
    }

    /** Nobody in the seed coverage quotes Gantz on the response: say so rather than quote Blinken. */
    @Test
    void whenNobodyQuotesTheSpeakerTheAnswerSaysSo() {
        JsonNode a = ask("What did Gantz say about the response to Iran?");
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isTrue();
        assertThat(a.get("answer").asText()).startsWith("The coverage in the index does not answer this question")
                .contains("Gantz's own words");
    }

    /** A letter no article writes down is given only with the name it comes from; without one the answer says so. */
    @Test
    void aLetterWithoutANameIsNotAnswered() {
        JsonNode a = ask("Which single letter represents the first initial of the official Blinken met in Jerusalem?");
        assertThat(a.get("abstained").asBoolean()).as(a.toPrettyString()).isTrue();
        assertThat(a.get("answer").asText()).contains("no letter or initial");
    }

    /** "in May 2021" filters the event: the answer quotes the 2021 coverage only. */
    @Test
    void aNamedPeriodKeepsTheAnswerInThatPeriod() {
        JsonNode a = ask("What did Blinken discuss in Jerusalem in May 2021?");
        assertThat(a.get("citations")).as(a.toPrettyString()).isNotEmpty()
                .allSatisfy(c -> assertThat(c.get("published").asText()).startsWith("2021-"));
    }
}
