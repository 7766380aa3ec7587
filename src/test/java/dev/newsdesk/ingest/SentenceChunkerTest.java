package dev.newsdesk.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentenceChunkerTest {
    private static Article article(String body) {
        return new Article("a1", "t", null, null, null, null, null, body, "mem", null);
    }

    @Test
    void tokenMeasure() {
        assertThat(SentenceChunker.countTokens("Hello, world")).isEqualTo(3);
        assertThat(SentenceChunker.countTokens("U.S. $1.13bn")).isEqualTo(9); // U . S . $ 1 . 13 bn
        assertThat(SentenceChunker.countTokens("Israel’s   2024")).isEqualTo(4);
        assertThat(SentenceChunker.countTokens("  \n ")).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 32, 64, 256})
    void seedCorpusPassagesRespectTheLimitAndCoverEverySentenceInOrder(int max) {
        CollectingSink sink = CollectingSink.read(new CorpusReader(IngestLimits.DEFAULTS), Path.of("corpus"));
        SentenceChunker chunker = new SentenceChunker(max);
        SentenceSplitter splitter = new SentenceSplitter();
        for (Article a : sink.articles) {
            List<Passage> passages = chunker.chunk(a);
            assertThat(passages).isNotEmpty();
            int previousEnd = 0;
            for (int i = 0; i < passages.size(); i++) {
                Passage p = passages.get(i);
                assertThat(p.ordinal()).isEqualTo(i);
                assertThat(p.id()).isEqualTo(a.id() + ":" + i);
                assertThat(p.text()).isEqualTo(a.body().substring(p.start(), p.end()));
                assertThat(SentenceChunker.countTokens(p.text())).isLessThanOrEqualTo(max);
                assertThat(p.start()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(a.body().substring(previousEnd, p.start())).isBlank(); // nothing skipped
                previousEnd = p.end();
            }
            assertThat(a.body().substring(previousEnd)).isBlank();
            // sentences that fit are never split: each lies inside one passage
            for (Span s : splitter.split(a.body())) {
                if (TokenCounter.count(a.body(), s.start(), s.end()) > max) continue;
                assertThat(passages).anySatisfy(p -> {
                    assertThat(p.start()).isLessThanOrEqualTo(s.start());
                    assertThat(p.end()).isGreaterThanOrEqualTo(s.end());
                });
            }
        }
    }

    @Test
    void aPassageKeepsTheSentencesItWasPackedFrom() {
        String body = "One two three four five six. Seven eight nine ten eleven twelve.\n\nAlpha beta gamma. Delta epsilon.";
        List<Passage> passages = new SentenceChunker(16).chunk(article(body));
        assertThat(passages).hasSize(2);
        assertThat(passages.get(0).sentences()).extracting(s -> s.of(passages.get(0).text()))
                .containsExactly("One two three four five six.", "Seven eight nine ten eleven twelve.");
        assertThat(passages.get(1).sentences()).extracting(s -> s.of(passages.get(1).text()))
                .containsExactly("Alpha beta gamma.", "Delta epsilon.");
    }

    @Test
    void packsSentencesAcrossParagraphBreaksUpToTheLimit() {
        String para1 = "One two three four five six. Seven eight nine ten eleven twelve.";   // 14 tokens
        String para2 = "Alpha beta gamma. Delta epsilon.";                                  // 7 tokens
        Article a = article(para1 + "\n\n" + para2);
        // everything fits in 24: one passage, the paragraph break inside it
        assertThat(new SentenceChunker(24).chunk(a)).extracting(Passage::text).containsExactly(para1 + "\n\n" + para2);
        // in 18 the first paragraph (14) and "Alpha beta gamma." (4) fit; the passage ends where the next sentence
        // would not fit, not at the paragraph break
        assertThat(new SentenceChunker(18).chunk(a)).extracting(Passage::text)
                .containsExactly(para1 + "\n\nAlpha beta gamma.", "Delta epsilon.");
    }

    @Test
    void overlongSentenceIsCutAtWordBoundaries() {
        String body = "word ".repeat(50).strip() + ".";
        List<Passage> passages = new SentenceChunker(16).chunk(article(body));
        assertThat(passages).hasSize(4);
        for (Passage p : passages) {
            assertThat(SentenceChunker.countTokens(p.text())).isLessThanOrEqualTo(16);
            assertThat(p.text()).doesNotStartWith(" ").matches("(word ?)+\\.?");
        }
        String huge = "x".repeat(5) + "/".repeat(40); // one "word" of 41 tokens
        assertThat(new SentenceChunker(16).chunk(article(huge)))
                .allSatisfy(p -> assertThat(SentenceChunker.countTokens(p.text())).isLessThanOrEqualTo(16));
    }

    @Test
    void emptyBodyHasNoPassages() {
        assertThat(new SentenceChunker().chunk(article(""))).isEmpty();
    }
}
