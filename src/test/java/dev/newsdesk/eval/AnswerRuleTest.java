package dev.newsdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins the port of qa_evaluate.py's extract_answer and has_intersection (lower-cased, whitespace words). */
class AnswerRuleTest {
    @Test
    void statedAnswerIsExtractedElseTheWholeReply() {
        assertThat(AnswerRule.extract("The answer to the question is \"Sam Bankman-Fried\". It is clear.")).isEqualTo("Sam Bankman-Fried");
        assertThat(AnswerRule.extract("Sam Bankman-Fried")).isEqualTo("Sam Bankman-Fried");
        assertThat(AnswerRule.extract(null)).isEmpty();
    }

    @Test
    void anySharedLowerCasedWordCounts() {
        assertThat(AnswerRule.correct("sam bankman-fried", "Sam Bankman-Fried")).isTrue();
        assertThat(AnswerRule.correct("Bankman-Fried", "Sam Bankman-Fried")).isTrue();
        assertThat(AnswerRule.correct("Insufficient Information", "Insufficient information.")).isTrue();
        assertThat(AnswerRule.correct("Yes", "No")).isFalse();
        // punctuation stays part of a word, as in Python's str.split()
        assertThat(AnswerRule.correct("information", "Insufficient information.")).isFalse();
        assertThat(AnswerRule.correct("Bankman", "Sam Bankman-Fried")).isFalse();
        // only the stated answer is scored when the reply states one
        assertThat(AnswerRule.correct("The answer to the question is \"No\", not Yes", "Yes")).isFalse();
        assertThat(AnswerRule.correct("", "Yes")).isFalse();
        assertThat(AnswerRule.correct("   ", "Yes")).isFalse();
    }
}
