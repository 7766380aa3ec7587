package dev.newsdesk.answer;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Builds LangChain4j chat models from {@link ChatModelSettings}. The one place where provider clients are
 * configured: temperature 0, the settings' timeout, LangChain4j's own retries off ({@code maxRetries(0)}) so
 * {@link ChatAnswerer}'s policy (which honours Retry-After) is the only one, and an HTTP client that keeps
 * Retry-After on errors. Keys come from the {@code env} map passed in (normally {@code System.getenv()}) and are
 * never logged (request/response logging stays off).
 */
public final class ChatModels {
    /** Sent as the key to local OpenAI-compatible servers that need none. */
    public static final String NO_KEY = "not-needed";
    /** Anthropic requires an output limit; answers are 1-4 sentences. */
    static final int MAX_OUTPUT_TOKENS = 512;

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0");

    private ChatModels() {}

    /**
     * @throws IllegalStateException when the provider needs a key and {@code env} lacks it, naming the variable
     */
    public static ChatModel build(ChatModelSettings settings, Map<String, String> env) {
        return switch (settings.provider()) {
            case OPENAI -> {
                OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                        .apiKey(apiKey(settings, env))
                        .modelName(settings.modelName())
                        .temperature(0.0)
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        .httpClientBuilder(RetryAfterHttpClient.builder());
                if (settings.baseUrl() != null) b.baseUrl(settings.baseUrl());
                yield b.build();
            }
            case ANTHROPIC -> {
                AnthropicChatModel.AnthropicChatModelBuilder b = AnthropicChatModel.builder()
                        .apiKey(apiKey(settings, env))
                        .modelName(settings.modelName())
                        .temperature(0.0)
                        .maxTokens(MAX_OUTPUT_TOKENS)
                        .timeout(settings.timeout())
                        .maxRetries(0)
                        .httpClientBuilder(RetryAfterHttpClient.builder());
                if (settings.baseUrl() != null) b.baseUrl(settings.baseUrl());
                yield b.build();
            }
            case OLLAMA -> {
                OllamaChatModel.OllamaChatModelBuilder b = OllamaChatModel.builder().maxRetries(0);
                b.baseUrl(settings.baseUrl() == null ? "http://localhost:11434" : settings.baseUrl())
                        .modelName(settings.modelName())
                        .temperature(0.0)
                        .timeout(settings.timeout())
                        .httpClientBuilder(RetryAfterHttpClient.builder());
                yield b.build();
            }
        };
    }

    /** The key to send, or {@link #NO_KEY} for a local server without one. Package-private for tests. */
    static String apiKey(ChatModelSettings settings, Map<String, String> env) {
        String var = settings.apiKeyEnv();
        if (var == null) return NO_KEY;
        String key = env.get(var);
        if (key != null && !key.isBlank()) return key.strip();
        if (isLocal(settings.baseUrl())) return NO_KEY;
        throw new IllegalStateException(var + " is not set; export it or choose --answerer extractive");
    }

    static boolean isLocal(String baseUrl) {
        if (baseUrl == null) return false;
        try {
            String host = URI.create(baseUrl).getHost();
            return host != null && LOCAL_HOSTS.contains(host.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
