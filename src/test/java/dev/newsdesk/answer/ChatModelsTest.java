package dev.newsdesk.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsdesk.answer.ChatModelSettings.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatModelsTest {
    @Test
    void missingKeyNamesTheVariableAndTheWayOut() {
        assertThatThrownBy(() -> ChatModels.build(ChatModelSettings.of(Provider.OPENAI), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("OPENAI_API_KEY is not set; export it or choose --answerer extractive");
        assertThatThrownBy(() -> ChatModels.build(ChatModelSettings.of(Provider.ANTHROPIC), Map.of()))
                .hasMessageStartingWith("ANTHROPIC_API_KEY is not set");
        var custom = new ChatModelSettings(Provider.OPENAI, "https://api.example.com/v1", "m", "EXAMPLE_KEY", null);
        assertThatThrownBy(() -> ChatModels.build(custom, Map.of("OPENAI_API_KEY", "unused")))
                .hasMessageStartingWith("EXAMPLE_KEY is not set");
    }

    @Test
    void keyComesFromTheNamedVariable() {
        var settings = new ChatModelSettings(Provider.OPENAI, null, null, "MY_KEY", null);
        assertThat(ChatModels.apiKey(settings, Map.of("MY_KEY", " k-123 "))).isEqualTo("k-123");
    }

    @Test
    void localServersAndOllamaNeedNoKey() {
        var vllm = new ChatModelSettings(Provider.OPENAI, "http://127.0.0.1:8000/v1", "qwen", null, null);
        assertThat(ChatModels.apiKey(vllm, Map.of())).isEqualTo(ChatModels.NO_KEY);
        assertThat(ChatModels.build(vllm, Map.of())).isNotNull();
        var lmStudio = new ChatModelSettings(Provider.OPENAI, "http://localhost:1234/v1", "m", null, null);
        assertThat(ChatModels.apiKey(lmStudio, Map.of())).isEqualTo(ChatModels.NO_KEY);
        assertThat(ChatModels.build(ChatModelSettings.of(Provider.OLLAMA), Map.of())).isNotNull();
    }

    @Test
    void settingsFillDefaultsAndRejectNonsense() {
        var s = ChatModelSettings.of(Provider.ANTHROPIC);
        assertThat(s.modelName()).isEqualTo(Provider.ANTHROPIC.defaultModel());
        assertThat(s.apiKeyEnv()).isEqualTo("ANTHROPIC_API_KEY");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Provider.parse(" OpenAI ")).isEqualTo(Provider.OPENAI);
        assertThatThrownBy(() -> Provider.parse("gemini")).hasMessageContaining("'gemini' is unknown");
        assertThatThrownBy(() -> new ChatModelSettings(Provider.OLLAMA, null, null, null, Duration.ZERO))
                .hasMessageContaining("must be positive");
    }

    @Test
    void retryAfterIsReadAsSecondsMillisecondsOrDate() {
        assertThat(RetryAfterHttpClient.retryAfter(Map.of("Retry-After", List.of("2")))).isEqualTo(Duration.ofSeconds(2));
        assertThat(RetryAfterHttpClient.retryAfter(Map.of("retry-after-ms", List.of("1500"), "Retry-After", List.of("2"))))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfterHttpClient.retryAfter(Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT"))))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryAfterHttpClient.retryAfter(Map.of("Retry-After", List.of("soon")))).isNull();
        assertThat(RetryAfterHttpClient.retryAfter(Map.of())).isNull();
    }
}
