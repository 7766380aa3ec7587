package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateResolverTest {
    private static final LocalDate WEDNESDAY = LocalDate.of(2024, 4, 17);
    private final DateResolver resolver = new DateResolver();

    private LocalDate resolve(String sentence, LocalDate published) {
        return resolver.resolve(sentence, published).map(DateResolver.Resolved::date).orElse(null);
    }

    @Test
    void weekdayIsTheMostRecentOneOnOrBeforePublication() {
        assertThat(resolve("Blinken on Tuesday told Gantz that the US wants no escalation.", WEDNESDAY))
                .isEqualTo(LocalDate.of(2024, 4, 16));
        assertThat(resolve("Iran's Saturday night aerial bombardment", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 13));
        assertThat(resolve("The cabinet met on Wednesday.", WEDNESDAY)).isEqualTo(WEDNESDAY);
        assertThat(resolve("They will meet next Monday.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 22));
        assertThat(resolve("Overnight Monday, Austin spoke with Gallant.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 15));
    }

    @Test
    void monthAndDayTakeThePublicationYearUnlessThatIsLater() {
        assertThat(resolve("an air strike on the consulate in Damascus on April 1 which killed two commanders", WEDNESDAY))
                .isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(resolve("since the Oct. 7 massacre", LocalDate.of(2024, 2, 7))).isEqualTo(LocalDate.of(2023, 10, 7));
        assertThat(resolve("in Jerusalem, Feb. 7, 2024.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 2, 7));
        assertThat(resolve("on 5 March the envoy arrived", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void relativeWords() {
        assertThat(resolve("Officials said yesterday that talks had stalled.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 16));
        DateResolver.Resolved week = resolver.resolve("The meeting was arranged last week, before the attack.", WEDNESDAY).orElseThrow();
        assertThat(week.date()).isEqualTo(LocalDate.of(2024, 4, 10));
        assertThat(week.approximate()).isTrue();
        assertThat(resolve("Over the weekend, Iran attacked Israel.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 13));
        assertThat(resolve("Talks resumed three days ago.", WEDNESDAY)).isEqualTo(LocalDate.of(2024, 4, 14));
    }

    @Test
    void noDateOrNoPublicationDateGivesNothing() {
        assertThat(resolver.resolve("Blinken urged restraint.", WEDNESDAY)).isEmpty();
        assertThat(resolver.resolve("on Tuesday", null)).isEmpty();
        assertThat(resolver.resolve("Officials may 5 times ask", WEDNESDAY)).isEmpty();
    }

    @Test
    void firstExpressionWins() {
        assertThat(resolver.resolve("On Tuesday he recalled the April 1 strike.", WEDNESDAY).orElseThrow().expression())
                .isEqualTo("On Tuesday");
    }
}
