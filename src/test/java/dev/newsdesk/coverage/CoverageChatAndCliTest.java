package dev.newsdesk.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.newsdesk.answer.Citation;
import dev.newsdesk.answer.CitationChecker;
import dev.newsdesk.answer.PromptLibrary;
import dev.newsdesk.cli.Main;
import dev.newsdesk.retrieve.Filters;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageChatAndCliTest {
    static final String TOPIC = "Iran's attack on Israel and Blinken's advice";
    @TempDir
    static Path dir;
    static TestIndex seed;

    @BeforeAll
    static void index() throws Exception {
        seed = TestIndex.build(TestIndex.seedCorpus(), dir.resolve("index"));
    }

    @AfterAll
    static void close() throws Exception {
        seed.close();
    }

    /** A chat model that answers every request with {@code reply(prompt text)} and records the prompts. */
    record FakeModel(Function<String, String> reply, List<String> prompts) implements ChatModel {
        @Override
        public ChatResponse chat(ChatRequest request) {
            String prompt = request.messages().getLast().toString();
            prompts.add(prompt);
            return ChatResponse.builder().aiMessage(AiMessage.from(reply.apply(prompt))).build();
        }
    }

    private static CoverageSummarizer withModel(Function<String, String> reply, List<String> prompts) {
        var writer = new CoverageSummarizer.Writer(new FakeModel(reply, prompts), "fake",
                PromptLibrary.load(Path.of("prompts")), new CitationChecker(null), null);
        return new CoverageSummarizer(seed.retriever, seed.grouper(), writer);
    }

    @Test
    void writtenPointsAreCheckedAndKeptWhenSupported() {
        List<String> prompts = new ArrayList<>();
        Summary s = withModel(p -> p.contains("Joe Biden")
                ? "President Joe Biden told Israeli Prime Minister Benjamin Netanyahu that the US will not support an Israeli attack on Iran [1][2]."
                : "The coverage does not answer this question.", prompts).summary(TOPIC, Filters.NONE);
        assertThat(prompts).isNotEmpty();
        assertThat(s.answer().answerer()).isEqualTo("fake");
        Summary.Point written = s.points().stream().filter(Summary.Point::written).findFirst().orElseThrow();
        assertThat(written.text()).startsWith("President Joe Biden told");
        assertThat(written.cited()).isNotEmpty(); // only the sources that support the sentence stay cited
        assertThat(s.answer().sentences()).anySatisfy(c -> assertThat(c.supported()).isTrue());
        // the others fell back to verbatim sentences, with a note
        assertThat(s.points()).anySatisfy(p -> assertThat(p.written()).isFalse());
        assertThat(s.answer().note()).contains("fake");
        for (Citation c : s.answer().citations()) {
            assertThat(seed.catalog.article(c.articleId()).orElseThrow().body().substring(c.start(), c.end())).isEqualTo(c.quote());
        }
    }

    @Test
    void unsupportedOrFailingModelFallsBackToVerbatimPoints() {
        Summary offline = new CoverageSummarizer(seed.retriever, seed.grouper(), null).summary(TOPIC, Filters.NONE);
        Summary bad = withModel(p -> "Iran launched 900 tanks at Paris on Monday [1].", new ArrayList<>()).summary(TOPIC, Filters.NONE);
        Summary failing = withModel(p -> {
            throw new IllegalStateException("HTTP 500");
        }, new ArrayList<>()).summary(TOPIC, Filters.NONE);
        for (Summary s : List.of(bad, failing)) {
            assertThat(s.points()).noneMatch(Summary.Point::written);
            assertThat(s.points()).extracting(Summary.Point::text)
                    .containsExactlyElementsOf(offline.points().stream().map(Summary.Point::text).toList());
            assertThat(s.answer().note()).contains("could not write");
        }
    }

    @Test
    void cliCommandsPrintJsonWithAsksCitationObjects() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String[] args : List.of(
                new String[] {"summary", "--index", dir.resolve("index").toString(), "--json", TOPIC},
                new String[] {"compare", "--index", dir.resolve("index").toString(), "--json", "--outlets", "JNS,Iran International", TOPIC},
                new String[] {"timeline", "--index", dir.resolve("index").toString(), "--json", "Iran's attack on Israel"})) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            assertThat(status).as(err.toString()).isZero();
            JsonNode root = json.readTree(out.toString());
            assertThat(root.get("abstained").asBoolean()).isFalse();
            assertThat(root.get("citations")).isNotEmpty();
            for (JsonNode c : root.get("citations")) {
                assertThat(c.fieldNames()).toIterable().containsExactly("n", "articleId", "passageId", "outlet", "title",
                        "published", "url", "quote", "start", "end");
                String body = seed.catalog.article(c.get("articleId").asText()).orElseThrow().body();
                assertThat(body.substring(c.get("start").asInt(), c.get("end").asInt())).isEqualTo(c.get("quote").asText());
            }
        }
        StringWriter out = new StringWriter();
        Main.run(new String[] {"summary", "--index", dir.resolve("index").toString(), "volcanic eruption in Iceland"},
                new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(out.toString()).startsWith("Nothing in the coverage matches");
    }
}
