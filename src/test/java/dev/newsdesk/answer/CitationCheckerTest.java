package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.retrieve.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, renumbering and marking, lexical-only (the embedding blend is covered by the threshold test). */
class CitationCheckerTest {
    static Hit hit(String id, String text) {
        return new Hit(id + ":0", id, 0, 10, 10 + text.length(), text, "t", "o", null, null, 1, text);
    }

    static final List<Hit> SOURCES = List.of(
            hit("a", "Iran launched over 350 drones and missiles at Israel over the weekend."),
            hit("b", "Blinken told Gantz the United States does not want to see escalation."),
            hit("c", "Mr Blinken called it a “very, very good conversation.”"));

    @Test
    void markerFormsAreParsedAndRenumberedInOrderOfFirstUse() {
        CitationChecker c = new CitationChecker(null);
        CitationChecker.Result r = c.check("Blinken told Gantz the United States does not want escalation [2, 3]. "
                + "Iran launched over 350 drones and missiles at Israel.[1][7] "
                + "Blinken called it a “very, very good conversation.” [3]", SOURCES);
        assertThat(r.removedNumbers()).containsExactly(7);
        assertThat(r.text()).isEqualTo("Blinken told Gantz the United States does not want escalation [1]. "
                + "Iran launched over 350 drones and missiles at Israel [2]. "
                + "Blinken called it a “very, very good conversation.” [3]");
        assertThat(r.citations()).extracting(Citation::articleId).containsExactly("b", "a", "c");
        assertThat(r.citations().getFirst().start()).isEqualTo(10);
        assertThat(r.sentences()).extracting(Answer.SentenceCheck::cited)
                .containsExactly(List.of(1, 3), List.of(2), List.of(3));
        assertThat(r.supported()).isEqualTo(3);
    }

    @Test
    void uncitedSentencesAndWrongNumbersAreUnsupported() {
        CitationChecker c = new CitationChecker(null);
        CitationChecker.Result r = c.check("Iran launched over 350 drones at Israel. "
                + "Iran launched over 500 drones and missiles at Israel [1].", SOURCES);
        assertThat(r.supported()).isZero();
        assertThat(r.text()).isEmpty();
        assertThat(r.citations()).isEmpty();
    }

    @Test
    void markModeKeepsUnsupportedSentencesBehindAMarker() {
        CitationChecker c = new CitationChecker(null, CitationChecker.LEXICAL_THRESHOLD, CitationChecker.Mode.MARK);
        CitationChecker.Result r = c.check("Iran launched over 350 drones and missiles [1]. Blinken resigned [2].", SOURCES);
        assertThat(r.text()).isEqualTo("Iran launched over 350 drones and missiles [1]. "
                + CitationChecker.UNSUPPORTED_MARK + "Blinken resigned [2].");
        assertThat(r.supported()).isEqualTo(1);
    }

    @Test
    void sentenceSplitterKeepsAbbreviationsAndMovesTrailingMarkers() {
        assertThat(TextSupport.sentences("U.S. Secretary Antony Blinken met Mr. Netanyahu on Oct. 7 in Jerusalem. "
                + "He left. [2] Then “he spoke.” Later...")).containsExactly(
                "U.S. Secretary Antony Blinken met Mr. Netanyahu on Oct. 7 in Jerusalem.", "He left.", "[2] Then “he spoke.”",
                "Later...");
    }
}
