package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FocusRefinerTest {
    private static Citation cite(int n, String outlet, String quote) {
        return new Citation(n, "a" + n, "a" + n + ":0", outlet, "t", LocalDate.of(2024, 4, 16), null, quote, 0, quote.length());
    }

    @Test
    void theSpeakerIsTheNameBeforeTheSpeechVerb() {
        List<Citation> none = List.of(cite(1, "JNS", "x"));
        assertThat(FocusRefiner.speaker("What did Blinken tell Jewish leaders about Iran?", none)).isEqualTo("Blinken");
        assertThat(FocusRefiner.speaker("What has Antony Blinken said about Gaza?", none)).isEqualTo("Blinken");
        // an outlet is not a speaker, and other question shapes have none
        assertThat(FocusRefiner.speaker("What did JNS report about Iran?", none)).isNull();
        assertThat(FocusRefiner.speaker("Who did Blinken meet in Jerusalem?", none)).isNull();
        assertThat(FocusRefiner.speaker("What did the attack on Israel show?", none)).isNull();
    }

    @Test
    void aSentenceThatCarriesOnTheSpeakersWordsCounts() {
        String p0 = "Mr Blinken said that Biden had sent him “to demonstrate commitment.” Other reasons are “greater stability” and Gaza reconstruction.";
        String p1 = "He promised that America will “rally international support” for Gaza. Netanyahu “welcomed” the visit.";
        int start1 = p0.length() + 1;
        List<dev.newsdesk.retrieve.Hit> hits = List.of(
                new dev.newsdesk.retrieve.Hit("a:0", "a", 0, 0, p0.length(), p0, "t", "JC", null, null, 1, p0),
                new dev.newsdesk.retrieve.Hit("a:1", "a", 1, start1, start1 + p1.length(), p1, "t", "JC", null, null, 1, p1));
        java.util.regex.Pattern blinken = java.util.regex.Pattern.compile("\\bBlinken\\b");
        String other = "Other reasons are “greater stability” and Gaza reconstruction.";
        int o = p0.indexOf(other);
        String he = "He promised that America will “rally international support” for Gaza.";
        String bibi = "Netanyahu “welcomed” the visit.";
        int b = start1 + p1.indexOf(bibi);
        assertThat(FocusRefiner.speaksOrContinues(at(other, o), hits, blinken)).isTrue();
        // the speaker named in the passage before, two sentences back
        assertThat(FocusRefiner.speaksOrContinues(at(he, start1), hits, blinken)).isTrue();
        // three sentences on, with another person as subject: not Blinken's words
        assertThat(FocusRefiner.speaksOrContinues(at(bibi, b), hits, blinken)).isFalse();
    }

    private static Citation at(String quote, int start) {
        return new Citation(1, "a", "a:0", "JC", "t", null, null, quote, start, start + quote.length());
    }

    @Test
    void speechNeedsTheNameAndAMarkOfSpeech() {
        assertThat(FocusRefiner.speaks("Blinken told American Jewish leaders the response should be limited.", "Blinken")).isTrue();
        assertThat(FocusRefiner.speaks("“We do not want escalation,” said Blinken.", "Blinken")).isTrue();
        assertThat(FocusRefiner.speaks("Miller noted that the War Cabinet was mulling responses.", "Blinken")).isFalse();
        assertThat(FocusRefiner.speaks("Blinken arrived in Jerusalem on Tuesday.", "Blinken")).isFalse();
    }

    @Test
    void aRollOfNamesIsAList() {
        assertThat(FocusRefiner.nameList("Following the private encounter, an extended meeting took place with the participation of"
                + " IDF Chief of Staff Lt. Gen. Herzi Halevi, Defense Minister Yoav Gallant, National Security Council head"
                + " Tzachi Hanegbi, Israel Security Agency (Shin Bet) chief Ronen Bar, Mossad Director David Barnea and other"
                + " senior officials.")).isTrue();
        assertThat(FocusRefiner.nameList("Iran launched drones, missiles, cruise missiles, and more, over the weekend, at Israel."))
                .isFalse();
    }

    @Test
    void renumberingKeepsTheLeadOnItsSentence() {
        Answer draft = new Answer("q", "A [1] B [2] C [3]", false,
                List.of(cite(1, "JNS", "A"), cite(2, "JNS", "B Gallant"), cite(3, "JNS", "C")), "extractive", null, List.of(),
                new Lead("Gallant.", "Gallant", "person", List.of(2)));
        Answer out = FocusRefiner.renumbered(draft, List.of(draft.citations().get(1), draft.citations().get(2)));
        assertThat(out.text()).isEqualTo("B Gallant [1] C [2]");
        assertThat(out.lead().citations()).containsExactly(1);
        assertThat(out.citations()).extracting(Citation::n).containsExactly(1, 2);
    }
}
