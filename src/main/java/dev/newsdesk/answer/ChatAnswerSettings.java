package dev.newsdesk.answer;

import java.time.Duration;

/**
 * Tuning of {@link ChatAnswerer}; {@link #DEFAULTS} holds the values used unless configured.
 *
 * @param sources passages retrieved and shown to the model, numbered [1]..[sources] (1..20)
 * @param maxRetries further attempts after a rate limit (HTTP 429, or 503 with Retry-After), 0..5
 * @param maxRetryWait cap on the total time spent waiting between attempts; a Retry-After that would pass it
 *                     ends the retries
 * @param defaultBackoff wait used when the server gives no Retry-After
 * @param minSupportedFraction the checked answer is used only when at least this share of its sentences is
 *                             supported (and at least one is); otherwise the fallback answers
 * @param abstainCitations how many of the closest passages an abstaining answer lists
 */
public record ChatAnswerSettings(int sources, int maxRetries, Duration maxRetryWait, Duration defaultBackoff,
                                 double minSupportedFraction, int abstainCitations) {
    public static final ChatAnswerSettings DEFAULTS =
            new ChatAnswerSettings(6, 2, Duration.ofSeconds(10), Duration.ofSeconds(1), 0.5, 3);

    public ChatAnswerSettings {
        if (sources < 1 || sources > 20) throw new IllegalArgumentException("sources " + sources + " is outside 1..20");
        if (maxRetries < 0 || maxRetries > 5) throw new IllegalArgumentException("maxRetries " + maxRetries + " is outside 0..5");
        if (maxRetryWait == null || maxRetryWait.isNegative()) throw new IllegalArgumentException("maxRetryWait must be >= 0");
        if (defaultBackoff == null || defaultBackoff.isNegative()) throw new IllegalArgumentException("defaultBackoff must be >= 0");
        if (minSupportedFraction < 0 || minSupportedFraction > 1) {
            throw new IllegalArgumentException("minSupportedFraction " + minSupportedFraction + " is outside 0..1");
        }
        if (abstainCitations < 0) throw new IllegalArgumentException("abstainCitations must be >= 0");
    }

    public ChatAnswerSettings withSources(int k) {
        return new ChatAnswerSettings(k, maxRetries, maxRetryWait, defaultBackoff, minSupportedFraction, abstainCitations);
    }
}
