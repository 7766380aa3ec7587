package dev.newsdesk.ingest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The five seed articles, with front matter (corpus/) and raw as received (shared/seed-corpus). */
class SeedCorpusTest {
    static final List<String> BOILERPLATE = List.of("You have read", "Register to receive", "donating", "Never miss a thing",
            "More News", "Israel at War", "loyal JNS Reader", "Just before you scroll", "Please register",
            "Get the best stories faster", "we rely on readers like you", "Topics", "Comments", "date 2024-04-16",
            "Wednesday, 04/17/2024");

    static Map<String, Article> corpus;

    @BeforeAll
    static void readCorpus() {
        CollectingSink sink = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS), Path.of("corpus"));
        assertThat(sink.failures).isEmpty();
        corpus = sink.articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
    }

    @Test
    void readsAllFiveWithFrontMatter() {
        assertThat(corpus).hasSize(5);
        Article a = corpus.get("001_31ab4bb0d6e52d02");
        assertThat(a.outlet()).isEqualTo("JNS");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(a.title()).isEqualTo("Blinken, Netanyahu hold ‘in-depth meeting’ amid ceasefire push");
        assertThat(a.source()).endsWith("001_31ab4bb0d6e52d02.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_c6effa041240b09a", "001_31ab4bb0d6e52d02", "002_d8b5abb78606031a",
            "003_b57a007ab773b582", "004_5ff4088bb7f5de5b"})
    void noBoilerplateSurvives(String id) {
        String body = corpus.get(id).body();
        for (String phrase : BOILERPLATE) assertThat(body).as(id + " contains '" + phrase + "'").doesNotContain(phrase);
        assertThat(body).doesNotContain("\u00A0").doesNotContain("\n\n\n").doesNotStartWith(" ").doesNotEndWith("\n");
    }

    @Test
    void keySentencesSurvive() {
        assertThat(corpus.get("000_c6effa041240b09a").body())
                .startsWith("Days after the U.S. helped defeat")
                .contains("Blinken relayed a message of strong support for Israel")
                .endsWith("A State Department spokesperson did not respond immediately to a request for comment.");
        assertThat(corpus.get("001_31ab4bb0d6e52d02").body())
                .contains("The U.S. diplomat is making his sixth visit to Israel since Oct. 7.")
                .endsWith("ensure that Gaza can never again pose a threat to the Jewish state.");
        assertThat(corpus.get("002_d8b5abb78606031a").body())
                .contains("smart, strategic, and as limited as possible")
                .endsWith("Hamas might feel pressured to reconsider negotiations.");
        assertThat(corpus.get("003_b57a007ab773b582").body())
                .contains("Blinken nevertheless stopped short of saying that Israel should refrain from responding to Iran.")
                .endsWith("“at the time and place of our choosing.”");
        assertThat(corpus.get("004_5ff4088bb7f5de5b").body())
                .contains("Mr Blinken called it a “very, very good conversation.”")
                .endsWith("trying to rebuild US-PA trust.");
    }

    @Test
    void duplicatedCaptionAppearsOnce() {
        assertThat(count(corpus.get("001_31ab4bb0d6e52d02").body(), "Photo by Amos Ben-Gershom/GPO.")).isEqualTo(1);
        assertThat(count(corpus.get("003_b57a007ab773b582").body(), "Credit: Chuck Kennedy/U.S. State Department.")).isEqualTo(1);
    }

    @Test
    void headlineEqualToTitleIsNotRepeatedInBody() {
        assertThat(corpus.get("002_d8b5abb78606031a").body()).doesNotContain("Should Be 'Limited', Blinken Says");
        assertThat(corpus.get("001_31ab4bb0d6e52d02").body()).doesNotContain("amid ceasefire push");
    }

    @Test
    void everyRealLineOfTheRawTextSurvives() throws Exception {
        // Each line of a front-matter body is either boilerplate (listed here by kind) or must be in the output.
        Cleaner cleaner = new Cleaner();
        for (Article a : corpus.values()) {
            String raw = Files.readString(Path.of(a.source()));
            String rawBody = raw.substring(raw.indexOf("\n---", 3) + 5);
            for (String para : cleaner.paragraphs(rawBody)) {
                if (cleaner.isBoilerplate(para) || para.equals(a.title()) || para.equals("More News")) continue;
                assertThat(a.body()).as(a.id()).contains(para);
            }
        }
    }

    @Test
    void rawSeedFilesGetTitleAndDateFromTheirText() {
        Path seed = SharedData.path("seed-corpus");
        assumeTrue(Files.isDirectory(seed), "shared seed corpus missing at " + seed + "; set -Dnewsdesk.shared");
        CollectingSink sink = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS), seed);
        assertThat(sink.failures).isEmpty();
        Map<String, Article> raw = sink.articles.stream().collect(Collectors.toMap(Article::id, Function.identity()));
        assertThat(raw).hasSize(5);
        assertThat(raw.get("000_c6effa041240b09a").published()).isEqualTo(LocalDate.of(2024, 4, 16));
        assertThat(raw.get("000_c6effa041240b09a").title()).startsWith("Days after the U.S. helped defeat");
        assertThat(raw.get("002_d8b5abb78606031a").published()).isEqualTo(LocalDate.of(2024, 4, 17));
        assertThat(raw.get("002_d8b5abb78606031a").title())
                .isEqualTo("Israel's Response To Iran Attack Should Be 'Limited', Blinken Says");
        assertThat(raw.get("001_31ab4bb0d6e52d02").title())
                .isEqualTo("Blinken, Netanyahu hold ‘in-depth meeting’ amid ceasefire push");
        assertThat(raw.get("003_b57a007ab773b582").title())
                .isEqualTo("Blinken to Gantz: US does not want to see escalation with Iran");
        assertThat(raw.get("004_5ff4088bb7f5de5b").published()).isNull();
        for (Article a : raw.values()) {
            assertThat(a.outlet()).isEqualTo("unknown");
            for (String phrase : BOILERPLATE) assertThat(a.body()).as(a.id()).doesNotContain(phrase);
            // same body as the front-matter copy
            assertThat(a.body()).isEqualTo(corpus.get(a.id()).body());
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }
}
