package dev.newsdesk.answer;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a chat model with a rendered prompt: retries rate limits (HTTP 429, or 503 with Retry-After) within a
 * bounded budget, honouring Retry-After, and sorts every other failure into a {@link ModelFailure}. Written answers,
 * the condenser, summaries and comparisons all call the model through this one stage. Thread-safe when the model is.
 */
public final class ModelCaller {
    private static final Logger log = LoggerFactory.getLogger(ModelCaller.class);

    /** Waits between retries; replaced in tests so they neither sleep long nor depend on wall time. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param max      further attempts after a rate limit
     * @param maxWait  cap on the total wait between attempts; a Retry-After that would pass it ends the retries
     * @param backoff  wait used when the server gives no Retry-After
     */
    public record Retries(int max, Duration maxWait, Duration backoff) {
        public Retries {
            Objects.requireNonNull(maxWait, "maxWait");
            Objects.requireNonNull(backoff, "backoff");
        }

        /** The written answer's defaults: 2 retries, at most 10 s of waiting, 1 s without Retry-After. */
        public static final Retries DEFAULTS = of(ChatAnswerSettings.DEFAULTS);

        static Retries of(ChatAnswerSettings s) {
            return new Retries(s.maxRetries(), s.maxRetryWait(), s.defaultBackoff());
        }
    }

    private final ChatModel model;
    private final String providerName;
    private final Retries retries;
    private final Sleeper sleeper;

    /** @param providerName short provider name for notes and logs ("openai", "anthropic", "ollama") */
    public ModelCaller(ChatModel model, String providerName, Retries retries) {
        this(model, providerName, retries, d -> Thread.sleep(d.toMillis()));
    }

    public ModelCaller(ChatModel model, String providerName, Retries retries, Sleeper sleeper) {
        this.model = Objects.requireNonNull(model, "model");
        this.providerName = providerName == null || providerName.isBlank() ? "chat" : providerName.strip();
        this.retries = Objects.requireNonNull(retries, "retries");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public String providerName() {
        return providerName;
    }

    /** The model's response, after at most {@code retries.max()} retries of rate limits. */
    public ChatResponse call(PromptLibrary.Rendered prompt) throws ModelFailure {
        ChatRequest request = ChatRequest.builder().messages(prompt.messages()).build();
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            try {
                return model.chat(request);
            } catch (RuntimeException e) {
                ModelFailure.Failure failure = ModelFailure.Failure.classify(e);
                if (!failure.retriable() || attempt >= retries.max()) throw new ModelFailure(failure, e);
                Duration wait = failure.retryAfter() != null ? failure.retryAfter() : retries.backoff();
                if (waited.plus(wait).compareTo(retries.maxWait()) > 0) throw new ModelFailure(failure, e);
                log.debug("chat model {} rate-limited (HTTP {}); retrying in {} ms", providerName, failure.status(),
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ModelFailure(failure, e);
                }
                waited = waited.plus(wait);
            }
        }
    }

    /**
     * The reply's text when it is usable: an answer or an abstention. Empty and refused replies are failures too,
     * so every caller falls back the same way.
     */
    public String reply(PromptLibrary.Rendered prompt, ReplyClassifier classifier) throws ModelFailure {
        ChatResponse response = call(prompt);
        String reply = response == null || response.aiMessage() == null ? null : response.aiMessage().text();
        ReplyClassifier.Verdict verdict = classifier.classify(reply, response == null ? null : response.finishReason());
        return switch (verdict) {
            case EMPTY -> throw new ModelFailure(new ModelFailure.Failure(ModelFailure.Kind.EMPTY, 0, null, null), null);
            case REFUSED -> throw new ModelFailure(new ModelFailure.Failure(ModelFailure.Kind.REFUSED, 0, null, null), null);
            case ANSWER, ABSTENTION -> reply;
        };
    }

    /** Logs a failure once at WARN, with provider, kind and status; never the key or the reply body. */
    public void logFailure(ModelFailure failure, String outcome) {
        log.warn("chat model {} failed: {}; {}", providerName, failure.failure().describe(), outcome);
    }
}
