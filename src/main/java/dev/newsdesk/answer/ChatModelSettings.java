package dev.newsdesk.answer;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach a chat model.
 *
 * @param provider which client library speaks to the server
 * @param baseUrl server address, or null for the provider's public endpoint; any OpenAI-compatible server
 *                (vLLM, llama.cpp server, LM Studio) works with {@link Provider#OPENAI} and its base URL,
 *                e.g. {@code http://127.0.0.1:8000/v1}
 * @param modelName model to ask; null picks {@link Provider#defaultModel()}
 * @param apiKeyEnv name of the environment variable that holds the API key; null picks
 *                  {@link Provider#defaultKeyEnv()} (never the key itself: keys are not kept in config files)
 * @param timeout per-request timeout; null means 30 s
 */
public record ChatModelSettings(Provider provider, String baseUrl, String modelName, String apiKeyEnv,
                                Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public enum Provider {
        OPENAI("openai", "gpt-4o-mini", "OPENAI_API_KEY"),
        ANTHROPIC("anthropic", "claude-3-5-haiku-latest", "ANTHROPIC_API_KEY"),
        OLLAMA("ollama", "llama3.1", null);

        private final String id;
        private final String defaultModel;
        private final String defaultKeyEnv;

        Provider(String id, String defaultModel, String defaultKeyEnv) {
            this.id = id;
            this.defaultModel = defaultModel;
            this.defaultKeyEnv = defaultKeyEnv;
        }

        /** Lower-case name used in config, flags, notes and logs: "openai", "anthropic", "ollama". */
        public String id() {
            return id;
        }

        public String defaultModel() {
            return defaultModel;
        }

        /** Environment variable read for the key by default; null when the provider needs none. */
        public String defaultKeyEnv() {
            return defaultKeyEnv;
        }

        /** Parses "openai", "anthropic" or "ollama" (case-insensitive). */
        public static Provider parse(String value) {
            if (value != null) {
                for (Provider p : values()) {
                    if (p.id.equals(value.strip().toLowerCase(Locale.ROOT))) return p;
                }
            }
            throw new IllegalArgumentException("chat provider '" + value + "' is unknown; choose openai, anthropic or "
                    + "ollama (use openai with --base-url for vLLM, llama.cpp server or LM Studio)");
        }
    }

    public ChatModelSettings {
        if (provider == null) throw new IllegalArgumentException("chat provider is missing; choose openai, anthropic or ollama");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        modelName = modelName == null || modelName.isBlank() ? provider.defaultModel() : modelName.strip();
        apiKeyEnv = apiKeyEnv == null || apiKeyEnv.isBlank() ? provider.defaultKeyEnv() : apiKeyEnv.strip();
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("chat timeout " + timeout + " must be positive");
        }
    }

    /** Settings for a provider with every other value defaulted. */
    public static ChatModelSettings of(Provider provider) {
        return new ChatModelSettings(provider, null, null, null, null);
    }
}
