package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With web.base-url set, every source line also links to the web reader's span, even without an article URL. */
class AnswerFormatterReaderLinkTest {
    static final String QUOTE = "Rates rose by half a point.";
    static final Citation NO_URL = new Citation(1, "seed_1", "seed_1:2", "Wire", "Rates up", LocalDate.of(2024, 1, 2), null,
            QUOTE, 40, 40 + QUOTE.length());
    static final Answer ANSWER = new Answer("Did rates rise?", QUOTE + " [1]", false, List.of(NO_URL), "extractive", null, List.of());

    @Test
    void embedAndMessagesCarryTheReaderLink() {
        String link = "<http://127.0.0.1:8080/p/seed_1:2?start=40&end=67>";
        assertThat(AnswerFormatter.embedDescription(ANSWER, "http://127.0.0.1:8080")).contains("[1] Wire — Rates up (2024-01-02) · read: " + link);
        assertThat(String.join("\n", AnswerFormatter.messages(ANSWER, "http://127.0.0.1:8080"))).contains("· read: " + link);
    }

    @Test
    void withoutABaseNothingChanges() {
        assertThat(AnswerFormatter.embedDescription(ANSWER, null)).isEqualTo(AnswerFormatter.embedDescription(ANSWER)).doesNotContain("read:");
        assertThat(AnswerFormatter.messages(ANSWER, null)).isEqualTo(AnswerFormatter.messages(ANSWER));
    }
}
