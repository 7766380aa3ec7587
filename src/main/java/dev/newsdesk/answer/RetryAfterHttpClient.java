package dev.newsdesk.answer;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A LangChain4j {@link HttpClient} on {@code java.net.http} whose errors keep the Retry-After header
 * ({@link ProviderHttpException}), so newsdesk's retry policy can honour it. Blocking calls only; streaming
 * calls go to LangChain4j's default client (found through its service loader). Thread-safe.
 */
final class RetryAfterHttpClient implements HttpClient {
    /** Headers java.net.http sets itself and refuses to accept from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final Duration connectTimeout;
    private volatile HttpClient streaming; // created on first streaming call; newsdesk itself never streams

    RetryAfterHttpClient(Duration connectTimeout, Duration readTimeout) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1);
        if (connectTimeout != null) builder.connectTimeout(connectTimeout);
        this.http = builder.build();
        this.readTimeout = readTimeout;
        this.connectTimeout = connectTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        if (readTimeout != null) b.timeout(readTimeout);
        request.headers().forEach((name, values) -> {
            if (RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) return;
            for (String v : values) b.header(name, v);
        });
        String body = request.body();
        b.method(request.method().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeException(e);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new ProviderHttpException(status, text, retryAfter(response.headers().map()));
        }
        return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map()).body(text).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpClient client = streaming;
        if (client == null) {
            client = HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(connectTimeout)
                    .readTimeout(readTimeout).build();
            streaming = client;
        }
        client.execute(request, parser, listener);
    }

    /** Reads "retry-after-ms" (OpenAI) or "Retry-After" as seconds or an HTTP date; null when absent or bad. */
    static Duration retryAfter(Map<String, List<String>> headers) {
        String ms = header(headers, "retry-after-ms");
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms)));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = header(headers, "retry-after");
        if (value == null) return null;
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().getFirst().strip();
            }
        }
        return null;
    }

    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryAfterHttpClient(connectTimeout, readTimeout);
        }
    }
}
