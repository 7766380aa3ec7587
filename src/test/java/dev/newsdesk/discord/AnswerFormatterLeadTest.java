package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.Lead;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerFormatterLeadTest {
    static final Citation C1 = new Citation(1, "a1", "a1:0", "The Verge", "Epic v. Google", LocalDate.of(2023, 11, 7),
            "https://example.com/epic", "Google ranks local results by relevance, distance, and prominence.", 0, 66);

    @Test
    void leadIsBoldOnTheFirstLineWithItsCitations() {
        Answer a = new Answer("q?", C1.quote() + " [1]", false, List.of(C1), "extractive", null, List.of(),
                new Lead("Google.", "Google", "organization", List.of(1)));
        String d = AnswerFormatter.embedDescription(a);
        assertThat(d.lines().findFirst().orElseThrow()).isEqualTo("**Google.** [1]");
        assertThat(AnswerFormatter.messages(a).getFirst()).startsWith("**Google.** [1]\n\n" + C1.quote());
        assertThat(d).contains("<https://example.com/epic#:~:text=Google%20ranks");
    }

    @Test
    void noLeadNoBoldLine() {
        Answer a = new Answer("q?", C1.quote() + " [1]", false, List.of(C1), "extractive", null, List.of());
        assertThat(AnswerFormatter.body(a)).startsWith(C1.quote());
    }

    @Test
    void markdownInALeadIsEscaped() {
        Answer a = new Answer("q?", "x [1]", false, List.of(C1), "extractive", null, List.of(),
                new Lead("Yahoo*.", "Yahoo*", "organization", List.of(1)));
        assertThat(AnswerFormatter.leadLine(a)).isEqualTo("**Yahoo\\*.** [1]");
    }

    @Test
    void sourceLinesCarryALinkToTheQuotedWords() {
        String line = AnswerFormatter.quoteLinkedSourceLines(new Answer("q?", "x [1]", false, List.of(C1), "t", null, List.of())).getFirst();
        assertThat(line).startsWith(AnswerFormatter.sourceLine(C1))
                .endsWith(" · quote: <https://example.com/epic#:~:text=Google%20ranks%20local%20results,relevance%2C%20distance%2C%20and%20prominence.>");
    }
}
