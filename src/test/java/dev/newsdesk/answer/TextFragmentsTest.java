package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFragmentsTest {
    @Test
    void encodesTheDirectivesOwnPunctuationAndSpaces() {
        assertThat(TextFragments.encode("Sam Bankman-Fried, AT&T")).isEqualTo("Sam%20Bankman%2DFried%2C%20AT%26T");
        assertThat(TextFragments.encode("“café” 4%")).isEqualTo("%E2%80%9Ccaf%C3%A9%E2%80%9D%204%25");
    }

    @Test
    void shortQuoteIsOneTermLongQuoteIsStartAndEnd() {
        assertThat(TextFragments.link("https://example.com/a", "Rates rose, again.")).isEqualTo("https://example.com/a#:~:text=Rates%20rose%2C%20again.");
        assertThat(TextFragments.link("https://example.com/a",
                "The Federal Reserve held rates steady on Wednesday and signalled three cuts next year."))
                .isEqualTo("https://example.com/a#:~:text=The%20Federal%20Reserve%20held,three%20cuts%20next%20year.");
    }

    @Test
    void existingFragmentGetsTheDirectiveAfterIt() {
        assertThat(TextFragments.link("https://example.com/a#top", "x y")).isEqualTo("https://example.com/a#top:~:text=x%20y");
    }

    @Test
    void onlyHttpLinksAndRealQuotes() {
        assertThat(TextFragments.link("file:///tmp/a.md", "x")).isEqualTo("file:///tmp/a.md");
        assertThat(TextFragments.link("https://example.com/a", "  ")).isEqualTo("https://example.com/a");
        assertThat(TextFragments.link(null, "x")).isNull();
    }
}
