package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.Filters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A planted disagreement: two outlets give different drone counts for the same attack. */
class CoverageComparerTest {
    @TempDir
    static Path dir;
    static TestIndex fixture;

    static void article(Path corpus, String id, String outlet, String date, String title, String body) throws Exception {
        Files.writeString(corpus.resolve(id + ".md"), "---\nid: " + id + "\ntitle: \"" + title + "\"\noutlet: " + outlet
                + "\npublished: " + date + "\n---\n" + body + "\n");
    }

    @BeforeAll
    static void index() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        article(corpus, "planet-1", "Daily Planet", "2024-04-14", "Iran attacks Israel with drones and missiles",
                "Iran launched 300 drones and missiles at Israel on Saturday night, the Israeli military said.\n\n"
                        + "Air raid sirens sounded across Jerusalem and the Negev as the interceptors went up.\n\n"
                        + "The prime minister convened the war cabinet in Tel Aviv after the attack ended.");
        article(corpus, "gazette-1", "Gotham Gazette", "2024-04-15", "Israel intercepts Iranian barrage",
                "Iran launched 350 drones and missiles at Israel on Saturday night, according to the Israeli military.\n\n"
                        + "Nearly all of the projectiles were intercepted by Israel and its allies, officials said.\n\n"
                        + "Oil prices rose on Monday as traders weighed the risk of a wider war after the attack.");
        article(corpus, "wire-1", "Metro Wire", "2024-04-15", "Markets steady after weekend attack",
                "European shares were steady on Monday after the attack on Israel over the weekend.\n\n"
                        + "Analysts said investors expected no escalation in the region after the attack.");
        // the same statement, quoted differently by two outlets
        article(corpus, "planet-2", "Daily Planet", "2024-04-16", "Minister vows response to barrage",
                "The defence minister said Israel's response would be \u201cswift, measured and limited in scope\u201d when he spoke on Monday.\n\n"
                        + "Reporters gathered outside the ministry in Tel Aviv for the briefing.");
        article(corpus, "gazette-2", "Gotham Gazette", "2024-04-16", "Minister promises measured reply",
                "The defence minister said Israel's response would be \u201cswift, massive and unlimited in scope\u201d when he spoke on Monday.\n\n"
                        + "Markets in Tel Aviv closed lower after the briefing.");
        // the same words, put in different mouths
        article(corpus, "planet-3", "Daily Planet", "2024-04-17", "Cabinet weighs its options",
                "\u201cWe will not be intimidated by threats from Tehran,\u201d Defence Minister Yoav Gallant said after the cabinet meeting.");
        article(corpus, "gazette-3", "Gotham Gazette", "2024-04-17", "Cabinet meets on Iran",
                "\u201cWe will not be intimidated by threats from Tehran,\u201d said Prime Minister Benjamin Netanyahu after the cabinet meeting.");
        fixture = TestIndex.build(corpus, dir.resolve("index"));
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void surfacesTheNumberDisagreementWithBothCitations() {
        Comparison c = new CoverageComparer(fixture.retriever, fixture.grouper())
                .comparison("Iran drone attack on Israel", List.of("Daily Planet", "gotham gazette"), Filters.NONE);
        System.out.println(c.answer().text());
        assertThat(c.outlets()).extracting(Comparison.OutletSection::outlet).containsExactly("Daily Planet", "Gotham Gazette");
        assertThat(c.outlets()).allSatisfy(s -> assertThat(s.reported()).isNotEmpty());
        assertThat(c.disagreements()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("number");
            assertThat(d.subject()).isEqualTo("drone");
            assertThat(d.claims()).extracting(Comparison.Claim::says).containsExactlyInAnyOrder("300 drones", "350 drones");
            List<Citation> cited = d.claims().stream().map(cl -> c.answer().citations().get(cl.cited() - 1)).toList();
            assertThat(cited).extracting(Citation::outlet).containsExactlyInAnyOrder("Daily Planet", "Gotham Gazette");
            assertThat(cited).extracting(Citation::quote).anySatisfy(q -> assertThat(q).contains("300 drones"))
                    .anySatisfy(q -> assertThat(q).contains("350 drones"));
        });
        assertThat(c.answer().text()).contains("300 drones").contains("350 drones");
        for (Citation cit : c.answer().citations()) {
            String body = fixture.catalog.article(cit.articleId()).orElseThrow().body();
            assertThat(body.substring(cit.start(), cit.end())).isEqualTo(cit.quote());
        }
    }

    @Test
    void surfacesADifferentlyWordedQuotationWithBothCitations() {
        Comparison c = new CoverageComparer(fixture.retriever, fixture.grouper())
                .comparison("defence minister response in scope", List.of("Daily Planet", "Gotham Gazette"), Filters.NONE);
        System.out.println(c.answer().text());
        assertThat(c.disagreements()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("quote");
            assertThat(d.claims()).extracting(Comparison.Claim::says).containsExactlyInAnyOrder(
                    "\u201cswift, measured and limited in scope\u201d", "\u201cswift, massive and unlimited in scope\u201d");
            List<Citation> cited = d.claims().stream().map(cl -> c.answer().citations().get(cl.cited() - 1)).toList();
            assertThat(cited).extracting(Citation::outlet).containsExactlyInAnyOrder("Daily Planet", "Gotham Gazette");
        });
        assertThat(c.answer().text()).contains("quotation").contains("measured and limited").contains("massive and unlimited");
    }

    @Test
    void surfacesTheSameQuotationAttributedToDifferentPeople() {
        Comparison c = new CoverageComparer(fixture.retriever, fixture.grouper())
                .comparison("intimidated by threats from Tehran cabinet meeting", List.of("Daily Planet", "Gotham Gazette"), Filters.NONE);
        System.out.println(c.answer().text());
        assertThat(c.disagreements()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("attribution");
            assertThat(d.subject()).isEqualTo("We will not be intimidated by threats from Tehran");
            assertThat(d.claims()).extracting(Comparison.Claim::says)
                    .containsExactlyInAnyOrder("Defence Minister Yoav Gallant", "Prime Minister Benjamin Netanyahu");
            List<Citation> cited = d.claims().stream().map(cl -> c.answer().citations().get(cl.cited() - 1)).toList();
            assertThat(cited).extracting(Citation::outlet).containsExactlyInAnyOrder("Daily Planet", "Gotham Gazette");
        });
        assertThat(c.answer().text()).contains("who said \u201cWe will not be intimidated");
        // the same words said by the same person are no disagreement
        assertThat(c.disagreements()).noneMatch(d -> d.kind().equals("attribution")
                && d.claims().get(0).says().equals(d.claims().get(1).says()));
    }

    @Test
    void speakersAreNamedNextToASpeechVerbOutsideTheQuotation() {
        assertThat(CoverageComparer.speaker("\u201cWe will respond,\u201d Defence Minister Yoav Gallant said on Sunday."))
                .isEqualTo("Defence Minister Yoav Gallant");
        assertThat(CoverageComparer.speaker("\u201cWe will respond,\u201d said Benjamin Netanyahu.")).isEqualTo("Benjamin Netanyahu");
        assertThat(CoverageComparer.speaker("The strike was \u201cimminent,\u201d according to Reuters.")).isEqualTo("Reuters");
        assertThat(CoverageComparer.speaker("\u201cWe will respond,\u201d he said.")).isNull();
        assertThat(CoverageComparer.speaker("On Sunday the cabinet met in Tel Aviv.")).isNull();
        // a name inside the quotation is not its speaker
        assertThat(CoverageComparer.speaker("\u201cNetanyahu said nothing new,\u201d she added.")).isNull();
    }

    @Test
    void withoutNamedOutletsComparesTheOutletsWithMostCoverage() {
        Comparison c = new CoverageComparer(fixture.retriever, fixture.grouper())
                .comparison("Iran drone attack on Israel", List.of(), Filters.NONE);
        assertThat(c.outlets()).hasSizeBetween(2, CoverageComparer.DEFAULT_OUTLETS);
        assertThat(c.outlets()).anySatisfy(s -> assertThat(s.notReported()).isNotEmpty());
    }

    @Test
    void saysPlainlyWhenNothingMatches() {
        Comparison c = new CoverageComparer(fixture.retriever, fixture.grouper())
                .comparison("volcanic eruption in Iceland", List.of(), Filters.NONE);
        assertThat(c.answer().abstained()).isTrue();
        assertThat(c.answer().text()).startsWith("Nothing in the coverage matches");
    }
}
