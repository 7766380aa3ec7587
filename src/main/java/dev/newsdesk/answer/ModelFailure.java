package dev.newsdesk.answer;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import java.util.Locale;

/**
 * A chat-model call that gave no usable reply: the provider failed (time-out, HTTP error, unreadable reply) or the
 * reply was empty or a refusal. Carries the sorted {@link Failure}, which words the reader's note and the log line.
 */
public final class ModelFailure extends Exception {
    private final transient Failure failure;

    ModelFailure(Failure failure, Throwable cause) {
        super(failure.describe(), cause, false, false);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    /** The reader's note: what went wrong with the provider, and that quoted sentences are shown instead. */
    public String note(String provider) {
        return failure.note(provider);
    }

    public enum Kind { TIMEOUT, RATE_LIMITED, HTTP_ERROR, MALFORMED, EMPTY, REFUSED, OTHER }

    /** Why a model call failed; {@code status} is 0 when no HTTP status was seen. */
    public record Failure(Kind kind, int status, Duration retryAfter, String exception) {
        /** Sorts what a LangChain4j client threw (the cause chain holds the HTTP status and Retry-After, if any). */
        static Failure classify(Throwable error) {
            int status = 0;
            Duration retryAfter = null;
            boolean timeout = false;
            boolean rateLimited = false;
            boolean json = false;
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof HttpException h && status == 0) status = h.statusCode();
                if (t instanceof ProviderHttpException p && retryAfter == null) retryAfter = p.retryAfter().orElse(null);
                if (t instanceof RateLimitException) rateLimited = true;
                if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException
                        || t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                    timeout = true;
                }
                String name = t.getClass().getName();
                if (name.contains("Json") || name.contains("Jackson") || name.contains("MismatchedInput")) json = true;
            }
            String exception = error.getClass().getSimpleName();
            if (status == 429 || rateLimited) return new Failure(Kind.RATE_LIMITED, status, retryAfter, exception);
            if (status != 0) return new Failure(Kind.HTTP_ERROR, status, retryAfter, exception);
            if (timeout) return new Failure(Kind.TIMEOUT, 0, null, exception);
            if (json) return new Failure(Kind.MALFORMED, 0, null, exception);
            return new Failure(Kind.OTHER, 0, null, exception);
        }

        /** Worth another attempt: a rate limit, or a 503 that says when to come back. */
        boolean retriable() {
            return kind == Kind.RATE_LIMITED || (status == 503 && retryAfter != null);
        }

        String note(String provider) {
            String who = "The chat model (" + provider + ")";
            String what = switch (kind) {
                case TIMEOUT -> " did not answer in time";
                case RATE_LIMITED -> " is rate-limited right now";
                case HTTP_ERROR -> " is unavailable (HTTP " + status + ")";
                case MALFORMED -> " sent a reply that could not be read";
                case EMPTY -> " sent an empty reply";
                case REFUSED -> " declined to answer";
                case OTHER -> " could not be reached";
            };
            return who + what + "; showing quoted sentences instead.";
        }

        /** For the log: kind, status and exception name; never the reply body or the key. */
        public String describe() {
            return kind.name().toLowerCase(Locale.ROOT) + (status == 0 ? "" : ", HTTP " + status)
                    + (exception == null ? "" : " (" + exception + ")");
        }
    }
}
