package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.answer.Answer;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.retrieve.ArticleView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerFormatterTest {

    static Citation citation(int n, String quote) {
        return new Citation(n, "a" + n, "a" + n + ":0", "Outlet " + n, "Headline " + n, LocalDate.of(2024, 3, n),
                "https://example.com/" + n, quote, 10, 10 + quote.length());
    }

    static Answer answer(String text, List<Citation> cites) {
        return new Answer("q?", text, false, cites, "test", null, List.of());
    }

    @Test
    void sourceLineHasOutletHeadlineDateAndBracketedLink() {
        assertThat(AnswerFormatter.sourceLine(citation(2, "x")))
                .isEqualTo("[2] Outlet 2 — Headline 2 (2024-03-02) <https://example.com/2>");
    }

    @Test
    void shortAnswerFitsOneEmbedWithSources() {
        Answer a = answer("Rates rose [1]. Markets fell [2].", List.of(citation(1, "rates"), citation(2, "fell")));
        String d = AnswerFormatter.embedDescription(a);
        assertThat(d).startsWith("Rates rose [1]. Markets fell [2].").contains("**Sources**\n[1] Outlet 1")
                .contains("[2] Outlet 2").hasSizeLessThanOrEqualTo(4096);
        assertThat(AnswerFormatter.messages(a)).hasSize(2);
    }

    @Test
    void longAnswerSplitsAtSentencesAndNeverInsideSources() {
        String sentence = "This sentence is about the economy and it cites a source [1]. ";
        String text = sentence.repeat(100) + "\n\n" + sentence.repeat(40);
        List<Citation> cites = IntStream.rangeClosed(1, 20).mapToObj(i -> citation(i, "quote " + i)).toList();
        Answer a = answer(text, cites);
        assertThat(AnswerFormatter.embedDescription(a)).isNull();
        List<String> msgs = AnswerFormatter.messages(a);
        assertThat(msgs).allSatisfy(m -> assertThat(m.length()).isBetween(1, 2000));
        // Text pieces end at a sentence end; the sources block is one whole message of its own.
        List<String> textParts = msgs.subList(0, msgs.size() - 1);
        assertThat(textParts).allSatisfy(m -> assertThat(m).endsWith("[1]."));
        String last = msgs.get(msgs.size() - 1);
        assertThat(last).startsWith("**Sources**");
        assertThat(last.lines().skip(1)).hasSize(20).allSatisfy(l -> assertThat(l).matches("\\[\\d+] Outlet .*>"));
        // Nothing lost: all sentences survive the split.
        assertThat(String.join(" ", textParts).split("\\[1]\\.", -1)).hasSize(141);
    }

    @Test
    void hugeSourcesListSplitsOnlyBetweenLines() {
        List<Citation> cites = IntStream.rangeClosed(1, 30).mapToObj(i -> citation(i, "q")).toList();
        List<String> msgs = AnswerFormatter.messages(answer("Short [1].", cites), 300);
        assertThat(msgs.get(0)).isEqualTo("Short [1].");
        List<String> lines = new ArrayList<>();
        msgs.subList(1, msgs.size()).forEach(m -> {
            assertThat(m.length()).isLessThanOrEqualTo(300);
            m.lines().filter(l -> !l.equals("**Sources**")).forEach(lines::add);
        });
        assertThat(lines).hasSize(30).allSatisfy(l -> assertThat(l).endsWith(">"));
    }

    @Test
    void splitFallsBackToWordsAndHardCuts() {
        assertThat(AnswerFormatter.split("aaaa bbbb cccc dddd", 10)).containsExactly("aaaa bbbb", "cccc dddd");
        assertThat(AnswerFormatter.split("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(5));
    }

    @Test
    void massMentionsAreNeutralisedEverywhere() {
        Citation evil = new Citation(1, "a", "a:0", "@here News", "Ping @everyone", null, null,
                "Hey @everyone and <@&42>", 0, 24);
        Answer a = answer("Reported @everyone [1] and @here", List.of(evil));
        String d = AnswerFormatter.embedDescription(a);
        assertThat(d).doesNotContain("@everyone").doesNotContain("@here").contains("@\u200beveryone");
        assertThat(String.join("\n", AnswerFormatter.messages(a))).doesNotContain("@everyone").doesNotContain("@here");
        ArticleView art = new ArticleView("a", "t", "o", null, null, null, null, "Hey @everyone and <@&42> rest", "s",
                List.of(), 1);
        assertThat(AnswerFormatter.citationDetail(evil, art)).doesNotContain("@everyone").contains("**Hey @\u200beveryone and <@\u200b&42>**");
    }

    @Test
    void maskedLinksAreEscapedSoTheRealAddressIsWhatIsLinked() {
        String t = AnswerFormatter.neutralise("see [the official report](http://evil.example/x) and [1] (2024)");
        assertThat(t).isEqualTo("see \\[the official report\\](http://evil.example/x) and [1] (2024)");
        assertThat(AnswerFormatter.hasMaskedLink(t)).isFalse();
        assertThat(AnswerFormatter.hasMaskedLink("[x]( <https://a.b>)")).isTrue();
        assertThat(AnswerFormatter.neutralise(t)).isEqualTo(t);
    }

    @Test
    void abstentionIsSaidPlainly() {
        Answer a = new Answer("q", "", true, List.of(citation(1, "near")), "extractive", null, List.of());
        assertThat(AnswerFormatter.body(a)).startsWith(AnswerFormatter.ABSTAIN_PREFIX).contains("Closest coverage");
    }

    @Test
    void citationDetailShowsContextAroundSpan() {
        String body = "Intro words here. " + "The central bank raised rates by half a point." + " Later text follows.";
        int s = body.indexOf("The central");
        String q = "The central bank raised rates by half a point.";
        Citation c = new Citation(3, "a", "a:0", "Wire", "Rates up", LocalDate.of(2024, 1, 2), "https://x/y", q, s, s + q.length());
        ArticleView art = new ArticleView("a", "Rates up", "Wire", null, null, null, null, body, "s", List.of(), 1);
        String d = AnswerFormatter.citationDetail(c, art);
        assertThat(d).contains("**[3] Rates up**").contains("Wire · 2024-01-02 · <https://x/y>")
                .contains("Intro words here. **" + q + "** Later text follows.");
    }

    @Test
    void normaliseForMatchIgnoresQuotesAndWhitespace() {
        assertThat(AnswerFormatter.normaliseForMatch("“It’s   fine,”\n he said"))
                .isEqualTo(AnswerFormatter.normaliseForMatch("\"it's fine,\" he said"));
    }
}
