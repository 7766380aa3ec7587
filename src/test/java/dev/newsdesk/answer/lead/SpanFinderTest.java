package dev.newsdesk.answer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanFinderTest {
    private final SpanFinder finder = new SpanFinder();

    private List<String> of(String text, SpanFinder.Kind kind) {
        return finder.find(text).stream().filter(f -> f.kind() == kind).map(SpanFinder.Found::text).toList();
    }

    @Test
    void namesAreCapitalisedRunsWithoutSentenceStartersOrPossessives() {
        assertThat(of("The trial of Sam Bankman-Fried began on Tuesday in Manhattan.", SpanFinder.Kind.NAME))
                .containsExactly("Sam Bankman-Fried", "Manhattan");
        assertThat(of("Google's public documentation says it ranks results.", SpanFinder.Kind.NAME)).containsExactly("Google");
        assertThat(of("But the Bank of America and AT&T said OpenAI would not.", SpanFinder.Kind.NAME))
                .containsExactly("Bank of America", "AT&T", "OpenAI");
        assertThat(of("He is the CEO of OpenAI.", SpanFinder.Kind.NAME)).containsExactly("CEO", "OpenAI");
    }

    @Test
    void spansAreVerbatimOffsets() {
        String s = "Shares of Amazon fell 4 percent on September 26, 2023, to $129.12 billion.";
        for (SpanFinder.Found f : finder.find(s)) assertThat(s.substring(f.start(), f.end())).isEqualTo(f.text());
    }

    @Test
    void numbersKeepTheirUnitAndCurrency() {
        assertThat(of("Shares fell 4 percent while revenue rose to $5.82 billion and 300 jobs went.", SpanFinder.Kind.NUMBER))
                .containsExactly("4 percent", "$5.82 billion", "300 jobs");
        assertThat(of("In 2023 it grew.", SpanFinder.Kind.NUMBER)).isEmpty();
    }

    @Test
    void datesWithMonthsDaysAndYears() {
        assertThat(of("It was filed on September 26, 2023 and heard in March 2024, since 2019.", SpanFinder.Kind.DATE))
                .containsExactly("September 26, 2023", "March 2024", "2019");
    }

    @Test
    void keyIgnoresCaseAndPunctuation() {
        assertThat(SpanFinder.key("Sam Bankman-Fried.")).isEqualTo("sam bankman fried");
    }

    @Test
    void aNameIsAlsoOfferedWithoutItsTitleOrNationality() {
        List<SpanFinder.Found> found = finder.find("Blinken met Israeli Prime Minister Benjamin Netanyahu and Defense Minister Yoav Gallant.");
        assertThat(found.stream().filter(SpanFinder.Found::part).map(SpanFinder.Found::text))
                .contains("Benjamin Netanyahu", "Yoav Gallant");
        assertThat(of("Ambassador to Israel Jack Lew attended.", SpanFinder.Kind.NAME)).contains("Israel Jack Lew", "Jack Lew");
    }

    @Test
    void countsInWordsAndApproximateCounts() {
        assertThat(of("He met roughly a dozen Jewish leaders; Iran launched over 350 drones.", SpanFinder.Kind.NUMBER))
                .contains("roughly a dozen", "over 350");
    }
}
