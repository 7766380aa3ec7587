package dev.newsdesk.sources;

import java.time.Duration;
import java.util.function.Function;

/**
 * How politely and how far the fetcher goes. Every value has a config key ({@code sources.*} in
 * {@code config/newsdesk.properties}, or the environment: {@code sources.host-delay-ms} is
 * {@code NEWSDESK_SOURCES_HOST_DELAY_MS}).
 *
 * @param contact        a URL or address where a site owner can reach whoever runs this newsdesk
 *                       ({@code sources.contact}); named in the User-Agent
 * @param hostDelay      pause between two requests to one host ({@code sources.host-delay-ms}, default 1000)
 * @param connectTimeout {@code sources.connect-timeout-seconds}, default 10
 * @param readTimeout    time allowed for a response to start ({@code sources.read-timeout-seconds}, default 20)
 * @param fetchTimeout   time allowed for a whole response ({@code sources.fetch-timeout-seconds}, default 60)
 * @param maxBodyBytes   a larger response is abandoned and skipped ({@code sources.max-body-bytes}, default 10 MB)
 * @param maxRedirects   {@code sources.max-redirects}, default 5
 * @param failureBudget  consecutive failures after which a source is polled less often
 *                       ({@code sources.failure-budget}, default 3)
 * @param maxItems       newest items taken from one listing per poll ({@code sources.max-items}, default 100)
 * @param threads        hosts polled at once ({@code sources.threads}, default 4); one request at a time per host
 */
public record FetchSettings(String contact, Duration hostDelay, Duration connectTimeout, Duration readTimeout,
                            Duration fetchTimeout, long maxBodyBytes, int maxRedirects, int failureBudget,
                            int maxItems, int threads) {
    public static final String VERSION = "0.1.0";

    public FetchSettings {
        contact = contact == null || contact.isBlank() ? null : contact.strip();
        if (contact != null && contact.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("sources.contact must be plain ASCII (a URL or an e-mail address)");
        }
        positive(hostDelay.isNegative() ? -1 : 1, "sources.host-delay-ms");
        positive(connectTimeout.toMillis(), "sources.connect-timeout-seconds");
        positive(readTimeout.toMillis(), "sources.read-timeout-seconds");
        positive(fetchTimeout.toMillis(), "sources.fetch-timeout-seconds");
        positive(maxBodyBytes, "sources.max-body-bytes");
        if (maxRedirects < 0) throw new IllegalArgumentException("sources.max-redirects must be 0 or more, was " + maxRedirects);
        positive(failureBudget, "sources.failure-budget");
        positive(maxItems, "sources.max-items");
        positive(threads, "sources.threads");
    }

    public static final FetchSettings DEFAULTS = new FetchSettings(null, Duration.ofMillis(1000), Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(60), 10L * 1024 * 1024, 5, 3, 100, 4);

    /** @param config a config lookup (null when unset), e.g. {@code key -> config.get(key, null)} */
    public static FetchSettings from(Function<String, String> config) {
        FetchSettings d = DEFAULTS;
        return new FetchSettings(config.apply("sources.contact"),
                Duration.ofMillis(num(config, "sources.host-delay-ms", d.hostDelay.toMillis())),
                Duration.ofSeconds(num(config, "sources.connect-timeout-seconds", d.connectTimeout.toSeconds())),
                Duration.ofSeconds(num(config, "sources.read-timeout-seconds", d.readTimeout.toSeconds())),
                Duration.ofSeconds(num(config, "sources.fetch-timeout-seconds", d.fetchTimeout.toSeconds())),
                num(config, "sources.max-body-bytes", d.maxBodyBytes),
                (int) num(config, "sources.max-redirects", d.maxRedirects),
                (int) num(config, "sources.failure-budget", d.failureBudget),
                (int) num(config, "sources.max-items", d.maxItems),
                (int) num(config, "sources.threads", d.threads));
    }

    /** "newsdesk/0.1.0 (+https://...)": who is asking and how to reach them. */
    public String userAgent() {
        return "newsdesk/" + VERSION + " (news Q&A bot; " + (contact == null ? "contact not configured: set sources.contact" : "+" + contact) + ")";
    }

    private static long num(Function<String, String> config, String key, long fallback) {
        String v = config.apply(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + v + "'");
        }
    }

    private static void positive(long v, String key) {
        if (v <= 0) throw new IllegalArgumentException(key + " must be more than 0, was " + v);
    }
}
