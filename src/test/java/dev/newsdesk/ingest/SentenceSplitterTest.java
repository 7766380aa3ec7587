package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceSplitterTest {
    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> s.of(text)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The U.S. Secretary of State arrived on Tuesday.",
            "IDF Chief of Staff Lt. Gen. Herzi Halevi attended the meeting.",
            "IDF Spokesman Rear Adm. Daniel Hagari said so.",
            "Mr. Smith and Dr. Jones met Mrs. Brown.",
            "The meeting took place on Feb. 7, 2024, in Jerusalem.",
            "It started at 10 a.m. on Tuesday.",
            "He was ranked No. 5 in the world.",
            "The report by J. Smith was published.",
            "Prices rose 3.5 percent to $1.13bn last year.",
            "He paused... and then went on.",
            "Visit jns.org for more.",
            "“Why?” he asked the crowd.",
    })
    void keepsOneSentenceWhole(String text) {
        assertThat(sentences(text)).containsExactly(text);
    }

    @Test
    void splitsOrdinarySentencesAndQuotes() {
        assertThat(sentences("He left. She stayed! Did they? “Yes,” he said. ‘No.’ Then it ended."))
                .containsExactly("He left.", "She stayed!", "Did they?", "“Yes,” he said.", "‘No.’", "Then it ended.");
        assertThat(sentences("He said it was \"limited.\" The talks went on."))
                .containsExactly("He said it was \"limited.\"", "The talks went on.");
        assertThat(sentences("It should be 'smart.' Others disagreed."))
                .containsExactly("It should be 'smart.'", "Others disagreed.");
        assertThat(sentences("He waited... Then he left."))
                .containsExactly("He waited...", "Then he left.");
        assertThat(sentences("He waited… Then he left.")).containsExactly("He waited…", "Then he left.");
    }

    @Test
    void splitsAfterAnAcronymOnlyBeforeATypicalSentenceStart() {
        assertThat(sentences("The deal was signed in the U.S. The talks went on."))
                .containsExactly("The deal was signed in the U.S.", "The talks went on.");
        assertThat(sentences("The meeting ended at 5 p.m. He left soon after."))
                .containsExactly("The meeting ended at 5 p.m.", "He left soon after.");
    }

    @Test
    void splitsAtAMissingSpaceBeforeACapitalisedWord() {
        assertThat(sentences("It will not support an Israeli attack on Iran.Biden has long been branded soft on Iran."))
                .containsExactly("It will not support an Israeli attack on Iran.", "Biden has long been branded soft on Iran.");
    }

    @Test
    void sentenceAfterNumberOrMonthAbbreviation() {
        assertThat(sentences("He visited since Oct. 7. The war went on."))
                .containsExactly("He visited since Oct. 7.", "The war went on.");
        assertThat(sentences("No. That was not the plan.")).containsExactly("No.", "That was not the plan.");
    }

    @Test
    void neverCrossesAParagraphBreakAndTrimsSpans() {
        String text = "  A headline without a period\n\nFirst sentence here. Second one\n   \nThird paragraph.  ";
        List<Span> spans = splitter.split(text);
        assertThat(spans).extracting(s -> s.of(text))
                .containsExactly("A headline without a period", "First sentence here.", "Second one", "Third paragraph.");
        for (Span s : spans) {
            assertThat(s.of(text)).doesNotContain("\n\n").isEqualTo(s.of(text).strip());
        }
    }

    @Test
    void emptyAndBlankTextHaveNoSentences() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(" \n\n ")).isEmpty();
    }
}
