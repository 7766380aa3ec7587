package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.answer.FakeChatProvider;
import dev.newsdesk.answer.FakeChatProvider.Reply;
import dev.newsdesk.answer.FakeChatProvider.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval multihop} with a chat model configured: the real LangChain4j OpenAI client, pointed by
 * {@code --answerer openai --base-url} at a {@link FakeChatProvider}, answers each query from the retrieved passages
 * with the benchmark's prompt, and the replies are scored with the benchmark's answer rule.
 */
class EvalAnswersCliTest {
    static final String CORPUS = """
            [{"title": "FTX founder goes on trial", "author": "A", "source": "The Verge", "category": "technology",
              "published_at": "2023-09-28T12:00:00+00:00", "url": "https://example.com/ftx",
              "body": "The criminal trial of Sam Bankman-Fried, founder of the crypto exchange FTX, began on Tuesday. Prosecutors say he committed fraud for personal gain."},
             {"title": "Rates held steady", "author": "B", "source": "Reuters", "category": "business",
              "published_at": "2023-10-02T09:00:00+00:00", "url": "https://example.com/rates",
              "body": "The central bank held interest rates steady on Wednesday, citing slowing inflation across the region."}]
            """;
    static final String QUERIES = """
            [{"query": "Who is the crypto exchange founder on trial for fraud, according to The Verge?", "answer": "Sam Bankman-Fried",
              "question_type": "inference_query", "evidence_list": [{"title": "FTX founder goes on trial", "source": "The Verge",
              "fact": "The criminal trial of Sam Bankman-Fried, founder of the crypto exchange FTX, began on Tuesday."}]},
             {"query": "Did the central bank raise interest rates, as Reuters reported?", "answer": "No",
              "question_type": "comparison_query", "evidence_list": [{"title": "Rates held steady", "source": "Reuters",
              "fact": "The central bank held interest rates steady on Wednesday, citing slowing inflation across the region."}]},
             {"query": "Which team won the 2023 curling world championship?", "answer": "Insufficient information.",
              "question_type": "null_query", "evidence_list": []}]
            """;

    @Test
    void aConfiguredModelsAnswersAreScoredWithTheBenchmarksRule(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("corpus.json"), CORPUS);
        Files.writeString(home.resolve("queries.json"), QUERIES);
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"),
                "prompts.dir=" + Path.of("prompts").toAbsolutePath() + "\nembedding.model=none\n");
        try (FakeChatProvider fake = FakeChatProvider.start(Wire.OPENAI)) {
            fake.enqueue(Reply.text("The answer to the question is \"Sam Bankman-Fried\"."),
                    Reply.text("Yes"), // wrong: the gold answer is "No"
                    Reply.text("Insufficient Information"));

            Cli.Result r = Cli.run("eval", "multihop", "--corpus", home.resolve("corpus.json").toString(),
                    "--queries", home.resolve("queries.json").toString(), "--home", home.toString(),
                    "--index", home.resolve("index").toString(), "--no-abstention", "--json",
                    "--answerer", "openai", "--base-url", fake.baseUrl(), "--model", "fake-model");

            assertThat(r.status()).as(r.toString()).isZero();
            r.assertNoStackTrace();
            JsonNode answers = r.json().path("answers");
            assertThat(answers.path("provider").asText()).isEqualTo("openai");
            assertThat(answers.path("model").asText()).isEqualTo("fake-model");
            assertThat(answers.path("queries").asInt()).isEqualTo(3);
            assertThat(answers.path("correct").asInt()).isEqualTo(2);
            assertThat(answers.path("failed").asInt()).isZero();
            assertThat(answers.path("by_type").path("comparison_query").path("accuracy").asDouble()).isZero();
            assertThat(answers.path("by_type").path("null_query").path("accuracy").asDouble()).isEqualTo(1.0);
            assertThat(r.json().path("hits@10").asDouble()).isEqualTo(1.0); // retrieval is still scored, as without a model

            assertThat(fake.requests()).hasSize(3);
            String first = fake.requests().getFirst().body();
            assertThat(first).contains("The answer to the question is a word or entity")
                    .contains("Question: Who is the crypto exchange founder on trial for fraud")
                    .contains("The criminal trial of Sam Bankman-Fried");
        }
    }

    @Test
    void withoutAChatModelNoAnswersAreAskedFor(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("corpus.json"), CORPUS);
        Files.writeString(home.resolve("queries.json"), QUERIES);
        Cli.Result r = Cli.run("eval", "multihop", "--corpus", home.resolve("corpus.json").toString(),
                "--queries", home.resolve("queries.json").toString(), "--home", home.toString(),
                "--index", home.resolve("index").toString(), "--no-abstention", "--json");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.json().has("answers")).isFalse();
    }
}
