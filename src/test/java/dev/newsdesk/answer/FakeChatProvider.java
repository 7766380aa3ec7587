package dev.newsdesk.answer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in chat provider for tests: a loopback HTTP server (127.0.0.1, random port) that speaks just enough
 * of the OpenAI ({@code POST /v1/chat/completions}), Anthropic ({@code POST /v1/messages}) and Ollama
 * ({@code POST /api/chat}) wire formats for LangChain4j's real clients to talk to it.
 *
 * <p>Replies are scripted: each request takes the next {@link Reply} from the queue ({@link #enqueue}); when the
 * queue is empty the server answers 500. Every request is recorded ({@link #requests()}) with its path, headers
 * and body, so tests can check what the client sent (the key header, the fenced sources). Use one instance per
 * test, in try-with-resources:
 *
 * <pre>{@code
 * try (FakeChatProvider fake = FakeChatProvider.start(Wire.OPENAI)) {
 *     fake.enqueue(Reply.text("Blinken met Jewish leaders [1]."));
 *     ChatModel model = ChatModels.build(new ChatModelSettings(OPENAI, fake.baseUrl(), "m", null, null), env);
 * }
 * }</pre>
 */
public final class FakeChatProvider implements AutoCloseable {
    /** A provider's wire format, with the base URL LangChain4j's builder expects. */
    public enum Wire { OPENAI, ANTHROPIC, OLLAMA }

    /** One scripted reply. */
    public sealed interface Reply {
        /** A successful completion whose assistant text is {@code text}, in the provider's format. */
        static Reply text(String text) {
            return new Text(text, Duration.ZERO);
        }

        /** Like {@link #text} but sent only after {@code delay} (to exceed a client's timeout). */
        static Reply slow(String text, Duration delay) {
            return new Text(text, delay);
        }

        /** A completion computed from the request body (the JSON the client sent), e.g. to echo what it was told. */
        static Reply echo(java.util.function.Function<String, String> fromRequestBody) {
            return new Echo(fromRequestBody);
        }

        /** An HTTP error with a body and extra headers (e.g. "Retry-After"). */
        static Reply status(int status, String body, Map<String, String> headers) {
            return new Raw(status, body, headers);
        }

        /** A 200 reply with a raw body, e.g. invalid JSON. */
        static Reply raw(String body) {
            return new Raw(200, body, Map.of());
        }
    }

    public record Text(String text, Duration delay) implements Reply {}

    public record Echo(java.util.function.Function<String, String> fromRequestBody) implements Reply {}

    public record Raw(int status, String body, Map<String, String> headers) implements Reply {}

    /** A request as received. Header names are lower-case. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Wire wire;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeChatProvider(Wire wire) throws IOException {
        this.wire = wire;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-chat-provider");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeChatProvider start(Wire wire) {
        try {
            return new FakeChatProvider(wire);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake chat provider", e);
        }
    }

    /** Base URL to give LangChain4j's builder for this wire format. */
    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return switch (wire) {
            case OPENAI -> root + "/v1";
            case ANTHROPIC -> root + "/v1/";
            case OLLAMA -> root;
        };
    }

    public synchronized FakeChatProvider enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private volatile Reply always;

    /** Answers every request with {@code reply} once the script is exhausted (instead of HTTP 500). */
    public FakeChatProvider always(Reply reply) {
        this.always = reply;
        return this;
    }

    private synchronized Reply next() {
        Reply r = script.pollFirst();
        return r == null ? always : r;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
            String expected = switch (wire) {
                case OPENAI -> "/v1/chat/completions";
                case ANTHROPIC -> "/v1/messages";
                case OLLAMA -> "/api/chat";
            };
            if (!exchange.getRequestURI().getPath().equals(expected)) {
                send(exchange, 404, "{\"error\":\"no route " + exchange.getRequestURI().getPath() + "\"}", Map.of());
                return;
            }
            Reply reply = next();
            switch (reply) {
                case null -> send(exchange, 500, "{\"error\":{\"message\":\"script exhausted\"}}", Map.of());
                case Text t -> {
                    if (!t.delay().isZero()) Thread.sleep(t.delay().toMillis());
                    send(exchange, 200, completion(t.text()), Map.of());
                }
                case Raw r -> send(exchange, r.status(), r.body(), r.headers());
                case Echo e -> send(exchange, 200, completion(e.fromRequestBody().apply(body)), Map.of());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the client timed out and closed the connection; nothing to do
        }
    }

    private String completion(String text) {
        ObjectNode root = JSON.createObjectNode();
        switch (wire) {
            case OPENAI -> {
                root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L)
                        .put("model", "fake-model");
                ArrayNode choices = root.putArray("choices");
                ObjectNode choice = choices.addObject().put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", text);
                root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
            }
            case ANTHROPIC -> {
                root.put("id", "msg_fake").put("type", "message").put("role", "assistant").put("model", "fake-model");
                root.putArray("content").addObject().put("type", "text").put("text", text);
                root.put("stop_reason", "end_turn").putNull("stop_sequence");
                root.putObject("usage").put("input_tokens", 10).put("output_tokens", 10);
            }
            case OLLAMA -> {
                root.put("model", "fake-model").put("created_at", "2024-04-17T00:00:00Z");
                root.putObject("message").put("role", "assistant").put("content", text);
                root.put("done", true).put("done_reason", "stop").put("prompt_eval_count", 10).put("eval_count", 10);
            }
        }
        return root.toString();
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
