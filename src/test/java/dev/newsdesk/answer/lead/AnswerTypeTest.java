package dev.newsdesk.answer.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // MultiHop-RAG shapes
            "Who is the individual associated with the cryptocurrency industry facing a criminal trial, as reported by The Verge?|PERSON",
            "Who, according to articles from both Fortune and TechCrunch, built the success of a crypto exchange on lies?|PERSON",
            "Which individual is implicated in both inflating the value of a Manhattan apartment, according to 'Fortune'?|PERSON",
            "Which NFL quarterback, featured in articles from Sporting News, threw four touchdowns against the Cowboys?|PERSON",
            "Which company, portrayed as the antagonist in the Epic trial by The Verge, ranks local results by relevance?|ORGANIZATION",
            "What is the name of the organization behind ChatGPT, which TechCrunch describes as a poster child?|ORGANIZATION",
            "Which institution, highlighted in reports by 'The Age' and 'Fortune', is recognized for its influence on markets?|ORGANIZATION",
            "Does 'The Age' article suggest that Australia's Davis Cup team is aiming for an improvement, while 'Sporting News' says so too?|YES_NO",
            "Did the TechCrunch article on December 7, 2023, and the TechCrunch article on the same date show consistency?|YES_NO",
            "Between the Sky Sports report published on October 28, 2023, and the Sporting News report, has the narrative changed?|YES_NO",
            "Was there inconsistency in the portrayal of Google's behavior between the two TechCrunch reports?|YES_NO",
            "Which outlet reported more layoffs, TechCrunch or The Verge?|COMPARISON",
            // other shapes
            "How many people were evacuated from Gaza?|NUMBER",
            "How much did Amazon's stock fall after the lawsuit?|NUMBER",
            "What percentage of voters backed the measure?|NUMBER",
            "When did Blinken meet Netanyahu in Jerusalem?|DATE",
            "In what year was the company founded?|DATE",
            "Where did Blinken meet Gantz?|PLACE",
            "Which city hosted the summit?|PLACE",
            // seed questions of the tests
            "What did Blinken tell Jewish leaders about Israel's response to Iran?|OPEN",
            "Should Israel's response to the Iran attack be limited?|YES_NO",
            "What is the best recipe for sourdough bread?|OPEN"})
    void typeFromTheQuestionsWording(String question, AnswerType expected) {
        assertThat(AnswerType.of(question)).as(question).isEqualTo(expected);
    }

    @Test
    void aQuestionForALetterIsToldApart() {
        assertThat(AnswerType.asksForInitial("Considering the reports by The Verge and CNET, which single letter represents "
                + "the first initial of the Google executive responsible for Play Store security?")).isTrue();
        assertThat(AnswerType.asksForInitial("Which letter represents the first initial of the CEO?")).isTrue();
        assertThat(AnswerType.asksForInitial("Which company sent a letter to its shareholders?")).isFalse();
        assertThat(AnswerType.asksForInitial("What did Blinken tell Jewish leaders?")).isFalse();
    }
}
