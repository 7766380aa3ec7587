package dev.newsdesk.answer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.Question;
import dev.newsdesk.ingest.SentenceSplitter;
import dev.newsdesk.retrieve.Hit;
import dev.newsdesk.retrieve.Lexicon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadRefinerTest {
    /** Lower-cased words without a few function words; every term equally rare. */
    static final Lexicon LEXICON = new Lexicon() {
        final Set<String> stop = Set.of("the", "a", "an", "of", "to", "in", "on", "is", "was", "and", "by", "as", "which",
                "who", "what", "does", "did", "that", "it", "its", "for", "with", "while", "both");

        @Override
        public List<String> terms(String text) {
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> !w.isEmpty() && !stop.contains(w)).toList();
        }

        @Override
        public long docFreq(String term) {
            return 1;
        }

        @Override
        public double idf(String term) {
            return 1;
        }
    };

    static Hit hit(String id, String outlet, String text) {
        return new Hit(id + ":0", id, 0, 0, text.length(), text, "Headline " + id, outlet, LocalDate.of(2023, 10, 1),
                "https://example.com/" + id, 1, text);
    }

    private final LeadRefiner refiner = new LeadRefiner(new LeadFinder(LEXICON, new SentenceSplitter(), 20), LeadWeights.DEFAULTS);

    /** The draft as the extractive answerer composes it: each hit's text quoted and cited. */
    static Answer draft(String question, List<Hit> hits) {
        List<Citation> cs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Hit h : hits) {
            int n = cs.size() + 1;
            cs.add(new Citation(n, h.articleId(), h.passageId(), h.outlet(), h.title(), h.published(), h.url(), h.text(), 0, h.text().length()));
            text.append(text.isEmpty() ? "" : " ").append(h.text()).append(" [").append(n).append(']');
        }
        return new Answer(question, text.toString(), false, cs, "extractive", null, List.of());
    }

    private Answer refine(String question, List<Hit> hits) {
        return refiner.refine(new Question(question), hits, List.of(), draft(question, hits));
    }

    @Test
    void companyQuestionLeadsWithTheCompanyNamedInTheEvidenceAndCitesIt() {
        String q = "Which company, portrayed as the antagonist in the Epic trial by The Verge, ranks local results by relevance, distance and prominence?";
        List<Hit> hits = List.of(
                hit("a1", "The Verge", "Google's public documentation says it ranks local results by relevance, distance, and prominence."),
                hit("a2", "The Verge", "Epic portrays the Play Store as needlessly onerous, and Google as the antagonist of the trial."),
                hit("a3", "TechCrunch", "Apple was not part of the Epic trial about local results."));
        Answer a = refine(q, hits);
        assertThat(a.lead()).isNotNull();
        assertThat(a.lead().text()).isEqualTo("Google.");
        assertThat(a.lead().kind()).isEqualTo("organization");
        assertThat(a.lead().citations()).contains(1);
        for (int n : a.lead().citations()) assertThat(a.citations().get(n - 1).quote()).contains("Google");
        assertThat(a.text()).isEqualTo(draft(q, hits).text()); // the supporting sentences as before
    }

    @Test
    void personQuestionGetsTheFullNameWhenTheCoverageGivesIt() {
        String q = "Who is the individual facing a criminal trial on fraud and conspiracy charges, as reported by TechCrunch?";
        List<Hit> hits = List.of(
                hit("b1", "TechCrunch", "Bankman-Fried is facing a criminal trial on seven counts of fraud and conspiracy charges."),
                hit("b2", "The Verge", "The trial of Sam Bankman-Fried, the founder of FTX, started on Tuesday."));
        Answer a = refine(q, hits);
        assertThat(a.lead()).isNotNull();
        assertThat(a.lead().text()).isEqualTo("Sam Bankman-Fried.");
        assertThat(a.lead().citations()).containsExactly(2);
    }

    @Test
    void spansThatRepeatTheQuestionAreNotAnswersSoNoLead() {
        String q = "Which company did TechCrunch say Google sued over search?";
        List<Hit> hits = List.of(hit("c1", "TechCrunch", "Google sued over search, TechCrunch said in a short note today."));
        Answer a = refine(q, hits);
        assertThat(a.lead()).isNull();
        assertThat(a).isEqualTo(draft(q, hits));
    }

    @Test
    void noSpanOfTheAskedTypeMeansNoLead() {
        String q = "How many people were evacuated from the coastal town?";
        List<Hit> hits = List.of(hit("d1", "BBC", "People were evacuated from the coastal town as the storm arrived overnight."));
        assertThat(refine(q, hits).lead()).isNull();
    }

    @Test
    void yesOnlyWhenEachNamedOutletStatesItsClaim() {
        String q = "Does TechCrunch report that the exchange collapsed, while Fortune reports that the founder was convicted?";
        List<Hit> both = List.of(
                hit("e1", "TechCrunch", "The crypto exchange collapsed in November after a run on deposits."),
                hit("e2", "Fortune", "A jury found that the founder was convicted on all seven counts."));
        Answer yes = refine(q, both);
        assertThat(yes.lead()).isNotNull();
        assertThat(yes.lead().text()).startsWith("Yes");
        assertThat(yes.lead().citations()).containsExactly(1, 2);

        List<Hit> one = List.of(
                hit("e1", "TechCrunch", "The crypto exchange collapsed in November after a run on deposits."),
                hit("e3", "Fortune", "Markets were calm on Friday as investors waited for earnings."));
        assertUnsettled(refine(q, one), "Fortune does not state its claim");
    }

    /** No "Yes" and never a "No" from silence: the lead says the question stays open and cites the evidence shown. */
    private static void assertUnsettled(Answer a, String why) {
        assertThat(a.lead()).as(why).isNotNull();
        assertThat(a.lead().text()).as(why).isEqualTo(LeadRefiner.UNSETTLED);
        assertThat(a.lead().span()).isNull();
        assertThat(a.lead().citations()).hasSize(a.citations().size());
    }

    @Test
    void aSingleClaimIsYesOnlyWhenOneSentenceHoldsNearlyAllOfIt() {
        List<Hit> hits = List.of(hit("s1", "JNS", "Blinken told the leaders Israel's response should be limited."),
                hit("s2", "JNS", "Markets were calm on Friday as investors waited for earnings."));
        assertThat(refine("Did Blinken say Israel's response should be limited?", hits).lead().text()).startsWith("Yes");
        assertUnsettled(refine("Did Blinken say Israel should invade Lebanon next week?", hits), "not stated");
    }

    @Test
    void noYesNoLeadForAbsenceOrChangeWhichSentencesCannotShow() {
        List<Hit> hits = List.of(
                hit("f1", "TechCrunch", "The crypto exchange collapsed in November after a run on deposits."),
                hit("f2", "Fortune", "A jury found that the founder was convicted on all seven counts."));
        assertUnsettled(refine("Does TechCrunch report that the exchange collapsed, while Fortune does not report that the founder was convicted?", hits), "absence");
        assertUnsettled(refine("Has the coverage of the exchange changed between the TechCrunch and the Fortune reports?", hits), "change");
    }

    @Test
    void aLeadSentenceTheDraftLacksIsAddedAndCited() {
        String q = "Which company ranks local results by relevance, distance and prominence?";
        Hit h = hit("g1", "The Verge", "Google says it ranks local results by relevance, distance, and prominence.");
        Answer empty = new Answer(q, "", false, List.of(), "extractive", null, List.of());
        Answer a = refiner.refine(new Question(q), List.of(h), List.of(), empty);
        assertThat(a.lead().text()).isEqualTo("Google.");
        assertThat(a.citations()).hasSize(1);
        assertThat(a.text()).isEqualTo(h.text() + " [1]");
        assertThat(a.lead().citations()).containsExactly(1);
    }
}
