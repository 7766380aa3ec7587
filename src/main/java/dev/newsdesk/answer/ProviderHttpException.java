package dev.newsdesk.answer;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error from a chat provider that also carries the server's Retry-After hint, which LangChain4j's own
 * {@link HttpException} drops. Thrown by {@link RetryAfterHttpClient}; LangChain4j wraps it (e.g. as the cause
 * of a {@code RateLimitException}), so callers look for it along the cause chain.
 */
public final class ProviderHttpException extends HttpException {
    private final transient Duration retryAfter;

    public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The server's requested wait, when it sent Retry-After (seconds or HTTP date) or retry-after-ms. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
