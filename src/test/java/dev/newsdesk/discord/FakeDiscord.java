package dev.newsdesk.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Discord that the real JDA can talk to, for end-to-end tests and benchmarks.
 * Listens on 127.0.0.1 only.
 *
 * <h2>What it serves</h2>
 * <ul>
 *   <li><b>REST</b> on {@link #restUrl()} ({@code http://127.0.0.1:P/api/v10/}), a JDK {@link HttpServer}:
 *   {@code GET users/@me}; command registration ({@code PUT applications/{app}/commands} and
 *   {@code .../guilds/{g}/commands}, echoed with ids); interaction callbacks
 *   ({@code POST interactions/{id}/{token}/callback}, answered in the {@code with_response} shape);
 *   {@code PATCH/GET/DELETE webhooks/{app}/{token}/messages/@original}; follow-ups
 *   {@code POST webhooks/{app}/{token}}; {@code POST channels/{c}/messages}; thread creation from a message
 *   {@code POST channels/{c}/messages/{m}/threads} (also dispatches THREAD_CREATE). Anything else gets 404 with a
 *   Discord-style error body. Every request is recorded ({@link #requests()}, {@link #awaitRequest}).</li>
 *   <li><b>Gateway</b> on {@link #gatewayUrl()} ({@code ws://127.0.0.1:Q/}; a second port, because the JDK HTTP
 *   server cannot hand over a connection after "101 Switching Protocols"): a minimal RFC 6455 server (text
 *   frames, fragmentation, ping/pong, close; no compression, so use {@code Compression.NONE}). HELLO (op 10),
 *   IDENTIFY (op 2) → READY + one GUILD_CREATE per guild, heartbeat (op 1) → ACK (op 11), RESUME (op 6) →
 *   replay of missed dispatches + RESUMED. {@link #dropGateway()} closes the socket without a close frame.</li>
 * </ul>
 *
 * <h2>The world it simulates</h2>
 * One application/bot user ({@link #BOT_ID}), one guild ({@link #GUILD_ID}) with text channel
 * {@link #CHANNEL_ID} and a second one {@link #OTHER_CHANNEL_ID}, roles {@link #MEMBER_ROLE_ID} and
 * {@link #ADMIN_ROLE_ID} (and a bot role with Administrator so JDA's permission checks pass), and users made up
 * on the fly by id.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * try (FakeDiscord discord = new FakeDiscord()) {
 *     JDA jda = JDABuilder.createLight("any-token")
 *         .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
 *         .setSessionController(new SessionControllerAdapter() { public String getGateway() { return discord.gatewayUrl(); } })
 *         .setCompression(Compression.NONE).build().awaitReady();
 *     String token = discord.sendSlashCommand(FakeDiscord.CHANNEL_ID, FakeDiscord.USER_ID, "ask", Map.of("question", "why?"));
 *     var edit = discord.awaitRequest(r -> r.is("PATCH", "webhooks/\\d+/" + token + "/messages/@original"), Duration.ofSeconds(10));
 * }
 * }</pre>
 * Thread-safe: tests may inject events from any thread. A token equal to {@link #BAD_TOKEN} is rejected with
 * 401 (JDA then throws InvalidTokenException).
 */
public final class FakeDiscord implements AutoCloseable {
    public static final long BOT_ID = 100_000_000_000_000_001L;
    public static final long APP_ID = BOT_ID;
    public static final long GUILD_ID = 200_000_000_000_000_001L;
    public static final long CHANNEL_ID = 300_000_000_000_000_001L;
    public static final long OTHER_CHANNEL_ID = 300_000_000_000_000_002L;
    public static final long USER_ID = 400_000_000_000_000_001L;
    public static final long BOT_ROLE_ID = 500_000_000_000_000_000L;
    public static final long MEMBER_ROLE_ID = 500_000_000_000_000_001L;
    public static final long ADMIN_ROLE_ID = 500_000_000_000_000_002L;
    public static final String BAD_TOKEN = "bad-token";
    static final String ALL_PERMISSIONS = "2251799813685247";
    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One recorded REST request. {@code path} is relative to /api/v10/ and has no query. */
    public record Request(String method, String path, String query, JsonNode body, Instant at) {
        /** True when the method matches and the path matches the regex {@code pathRegex}. */
        public boolean is(String m, String pathRegex) {
            return method.equals(m) && path.matches(pathRegex);
        }

        @Override
        public String toString() {
            return method + " " + path + (query == null ? "" : "?" + query) + " " + (body == null ? "" : body);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final JsonNodeFactory nf = JsonNodeFactory.instance;
    private final HttpServer http;
    private final ServerSocket gatewayServer;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-discord");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> gatewayReceived = new CopyOnWriteArrayList<>();
    private final List<ObjectNode> dispatched = new CopyOnWriteArrayList<>();
    private final Map<String, Long> commandIds = new ConcurrentHashMap<>();
    private final Map<Long, ObjectNode> threadsById = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> originals = bounded(20_000);
    private final List<java.util.function.Consumer<Request>> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<String>> interactionListeners = new CopyOnWriteArrayList<>();
    private volatile boolean keepHistory = true;
    private final AtomicLong snowflakes = new AtomicLong();
    private final AtomicInteger seq = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();
    private volatile Connection current;
    private volatile int heartbeatIntervalMs = 41_250;
    private volatile String sessionId = "fake-session-1";

    public FakeDiscord() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        http.createContext("/api/v10/", this::handleRest);
        http.setExecutor(threads);
        http.start();
        gatewayServer = new ServerSocket(0, 50, loopback);
        threads.execute(this::acceptLoop);
    }

    public String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gatewayServer.getLocalPort() + "/";
    }

    /**
     * Calls {@code listener} for every REST request as it arrives (on the fake's HTTP thread, before it is
     * answered). Benchmarks use it instead of polling {@link #requests()}.
     */
    public FakeDiscord onRequest(java.util.function.Consumer<Request> listener) {
        listeners.add(listener);
        return this;
    }

    /**
     * Calls {@code listener} with the token of every injected interaction on the injecting thread, just before
     * INTERACTION_CREATE goes out (so a benchmark can start its clock and expect the response before it arrives).
     */
    public FakeDiscord onInteractionSent(java.util.function.Consumer<String> listener) {
        interactionListeners.add(listener);
        return this;
    }

    /**
     * With {@code false}, requests are no longer kept for {@link #requests()} (only passed to {@link #onRequest}
     * listeners), only the latest 2,000 dispatches are kept for RESUME replay and the latest 2,000 interactions'
     * original responses: memory stays flat in soak runs.
     */
    public FakeDiscord keepHistory(boolean keep) {
        this.keepHistory = keep;
        return this;
    }

    public FakeDiscord heartbeatInterval(int ms) {
        this.heartbeatIntervalMs = ms;
        return this;
    }

    // ==== recording and waiting ============================================================================

    /** Every REST request so far, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(Predicate<Request> p) {
        return requests.stream().filter(p).toList();
    }

    /** Waits for the first request matching {@code p} (including ones already recorded). */
    public Request awaitRequest(Predicate<Request> p, Duration timeout) {
        return awaitRequests(p, 1, timeout).get(0);
    }

    /** Waits until at least {@code count} requests match; returns all matching. */
    public List<Request> awaitRequests(Predicate<Request> p, int count, Duration timeout) {
        awaitCondition(() -> requests(p).size() >= count, timeout,
                () -> "expected " + count + " matching request(s); got:\n" + String.join("\n", requests.stream().map(Request::toString).toList()));
        return requests(p);
    }

    /** Gateway payloads received from the client (IDENTIFY, heartbeats, RESUME, ...). */
    public List<JsonNode> gatewayReceived() {
        return List.copyOf(gatewayReceived);
    }

    public int identifyCount() {
        return identifies.get();
    }

    public int resumeCount() {
        return resumes.get();
    }

    public int connectionCount() {
        return connections.get();
    }

    /** Waits until a condition holds, polling; fails with {@code message} after the timeout. */
    public static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout,
                                      java.util.function.Supplier<String> message) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + message.get());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    /** The id under which a command name was registered (0 before registration). */
    public long commandId(String name) {
        return commandIds.getOrDefault(name, 0L);
    }

    /**
     * A fresh snowflake carrying the current time, as Discord's do: JDA derives an interaction's age from its id
     * and refuses to answer interactions that look older than 15 minutes.
     */
    public long newId() {
        long now = (System.currentTimeMillis() - 1_420_070_400_000L) << 22;
        return snowflakes.updateAndGet(prev -> Math.max(prev + 1, now));
    }

    // ==== event injection ==================================================================================

    /** Sends a raw dispatch (op 0) with a new sequence number; queued for replay if the gateway is down. */
    public synchronized void dispatch(String type, JsonNode data) {
        ObjectNode p = nf.objectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
        p.set("d", data);
        dispatched.add(p);
        if (!keepHistory && dispatched.size() > 4_000) dispatched.subList(0, dispatched.size() - 2_000).clear();
        Connection c = current;
        if (c != null && c.ready) c.sendQuietly(p);
    }

    /** Injects a slash command; returns the interaction token. Option values: String, Number or Boolean. */
    public String sendSlashCommand(long channelId, long userId, String name, Map<String, Object> options) {
        return sendSlashCommand(channelId, userId, List.of(MEMBER_ROLE_ID), name, options);
    }

    public String sendSlashCommand(long channelId, long userId, List<Long> roles, String name, Map<String, Object> options) {
        ObjectNode data = nf.objectNode().put("id", String.valueOf(commandId(name))).put("name", name).put("type", 1);
        data.put("guild_id", String.valueOf(GUILD_ID));
        data.set("options", options(options, null));
        return sendInteraction(2, channelId, userId, roles, data, null);
    }

    /** Injects an autocomplete request with {@code focused} the option being typed. */
    public String sendAutocomplete(long channelId, long userId, String name, Map<String, Object> options, String focused) {
        ObjectNode data = nf.objectNode().put("id", String.valueOf(commandId(name))).put("name", name).put("type", 1);
        data.set("options", options(options, focused));
        return sendInteraction(4, channelId, userId, List.of(MEMBER_ROLE_ID), data, null);
    }

    /** Injects a click on a button {@code customId} under {@code message} (a message object as returned by REST). */
    public String sendButton(long channelId, long userId, String customId, JsonNode message) {
        ObjectNode data = nf.objectNode().put("custom_id", customId).put("component_type", 2);
        return sendInteraction(3, channelId, userId, List.of(MEMBER_ROLE_ID), data, message);
    }

    /** Injects a message context-menu command on a message with {@code content} by {@code authorId}. */
    public String sendMessageContext(long channelId, long userId, String name, long authorId, String content) {
        ObjectNode target = message(newId(), channelId, user(authorId), content, List.of());
        ObjectNode data = nf.objectNode().put("id", String.valueOf(commandId(name))).put("name", name).put("type", 3)
                .put("target_id", target.get("id").asText());
        ObjectNode messages = nf.objectNode();
        messages.set(target.get("id").asText(), target);
        data.set("resolved", nf.objectNode().set("messages", messages));
        return sendInteraction(2, channelId, userId, List.of(MEMBER_ROLE_ID), data, null);
    }

    /**
     * Injects INTERACTION_CREATE of any type (2 command, 3 component, 4 autocomplete, 5 modal) with a given
     * {@code data} object; {@code message} is the message a component belongs to, or null. Returns the token.
     */
    public String sendInteraction(int type, long channelId, long userId, List<Long> roles, ObjectNode data, JsonNode message) {
        long id = newId();
        String token = "itoken-" + id;
        ObjectNode i = nf.objectNode().put("id", String.valueOf(id)).put("application_id", String.valueOf(APP_ID))
                .put("type", type).put("token", token).put("version", 1).put("guild_id", String.valueOf(GUILD_ID))
                .put("channel_id", String.valueOf(channelId)).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", ALL_PERMISSIONS).put("context", 0).put("attachment_size_limit", 8_388_608);
        i.set("guild", nf.objectNode().put("id", String.valueOf(GUILD_ID)).put("locale", "en-US").set("features", nf.arrayNode()));
        ObjectNode channel = channelObject(channelId).deepCopy();
        channel.put("permissions", ALL_PERMISSIONS);
        i.set("channel", channel);
        ObjectNode member = member(userId, roles);
        member.put("permissions", "0");
        i.set("member", member);
        i.set("entitlements", nf.arrayNode());
        i.set("authorizing_integration_owners", nf.objectNode().put("0", String.valueOf(GUILD_ID)));
        i.set("data", data);
        if (message != null) i.set("message", message);
        tokenChannels.put(token, channelId);
        for (var l : interactionListeners) l.accept(token);
        dispatch("INTERACTION_CREATE", i);
        return token;
    }

    /** Injects MESSAGE_CREATE in a channel or thread; {@code mentions} lists mentioned user ids. Returns the message. */
    public ObjectNode sendMessageCreate(long channelId, long authorId, String content, List<Long> mentions) {
        ObjectNode m = message(newId(), channelId, user(authorId), content, mentions);
        m.put("guild_id", String.valueOf(GUILD_ID));
        m.set("member", member(authorId, List.of(MEMBER_ROLE_ID)).without("user"));
        dispatch("MESSAGE_CREATE", m);
        return m;
    }

    /** Ids of threads created through REST so far, in order. */
    public List<Long> threadIds() {
        return threadsById.keySet().stream().sorted().toList();
    }

    /** Closes the gateway socket abruptly (no close frame), like a network drop; JDA should RESUME. */
    public void dropGateway() {
        Connection c = current;
        if (c != null) c.closeAbruptly();
    }

    /** Sends a gateway close frame with a code (e.g. 4000 to ask for a resume, 4004 for a bad token). */
    public void closeGateway(int code) {
        Connection c = current;
        if (c != null) c.sendClose(code);
    }

    @Override
    public void close() {
        Connection c = current;
        if (c != null) c.closeAbruptly();
        try {
            gatewayServer.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        http.stop(0);
        threads.shutdownNow();
    }

    // ==== entities =========================================================================================

    public ObjectNode user(long id) {
        boolean bot = id == BOT_ID;
        return nf.objectNode().put("id", String.valueOf(id)).put("username", bot ? "newsdesk" : "user" + (id % 1000))
                .put("discriminator", "0").putNull("global_name").putNull("avatar").put("bot", bot)
                .put("public_flags", 0).put("flags", 0);
    }

    public ObjectNode member(long userId, List<Long> roles) {
        ObjectNode m = nf.objectNode();
        m.set("user", user(userId));
        ArrayNode r = m.putArray("roles");
        roles.forEach(x -> r.add(String.valueOf(x)));
        return m.put("joined_at", "2024-01-01T00:00:00.000000+00:00").putNull("nick").putNull("avatar")
                .put("deaf", false).put("mute", false).put("flags", 0).put("pending", false);
    }

    private ObjectNode role(long id, String name, String permissions, int position) {
        ObjectNode r = nf.objectNode().put("id", String.valueOf(id)).put("name", name).put("color", 0)
                .put("hoist", false).put("position", position).put("permissions", permissions).put("managed", false)
                .put("mentionable", false).put("flags", 0).putNull("icon").putNull("unicode_emoji");
        r.set("colors", nf.objectNode().put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color"));
        return r;
    }

    ObjectNode channelObject(long id) {
        ObjectNode thread = threadsById.get(id);
        if (thread != null) return thread;
        ObjectNode c = nf.objectNode().put("id", String.valueOf(id)).put("type", 0).put("guild_id", String.valueOf(GUILD_ID))
                .put("name", id == CHANNEL_ID ? "general" : "channel-" + (id % 1000)).put("position", id == CHANNEL_ID ? 0 : 1)
                .putNull("topic").put("nsfw", false).putNull("last_message_id").put("rate_limit_per_user", 0)
                .putNull("parent_id").put("flags", 0).put("default_auto_archive_duration", 1440);
        c.set("permission_overwrites", nf.arrayNode());
        return c;
    }

    private ObjectNode guild() {
        ObjectNode g = nf.objectNode().put("id", String.valueOf(GUILD_ID)).put("name", "Newsroom").putNull("icon")
                .putNull("splash").putNull("banner").putNull("description").put("owner_id", String.valueOf(USER_ID))
                .put("afk_timeout", 300).putNull("afk_channel_id").put("verification_level", 0)
                .put("default_message_notifications", 0).put("explicit_content_filter", 0).put("mfa_level", 0)
                .put("system_channel_flags", 0).putNull("system_channel_id").putNull("rules_channel_id")
                .put("premium_tier", 0).put("premium_subscription_count", 0).put("preferred_locale", "en-US")
                .put("nsfw_level", 0).put("premium_progress_bar_enabled", false).put("large", false)
                .put("member_count", 2).put("unavailable", false).put("max_members", 500000)
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00").putNull("vanity_url_code");
        g.set("features", nf.arrayNode());
        ArrayNode roles = g.putArray("roles");
        roles.add(role(GUILD_ID, "@everyone", "1071698660929", 0));
        roles.add(role(MEMBER_ROLE_ID, "reader", "0", 1));
        roles.add(role(ADMIN_ROLE_ID, "editor", "0", 2));
        roles.add(role(BOT_ROLE_ID, "newsdesk", "8", 3));
        ArrayNode channels = g.putArray("channels");
        channels.add(channelObject(CHANNEL_ID));
        channels.add(channelObject(OTHER_CHANNEL_ID));
        // active threads, as Discord sends them on (re)connect: a restarted bot knows the threads it started
        ArrayNode activeThreads = g.putArray("threads");
        threadsById.values().forEach(t -> activeThreads.add(t.deepCopy()));
        g.putArray("members").add(member(BOT_ID, List.of(BOT_ROLE_ID)));
        for (String empty : List.of("voice_states", "presences", "emojis", "stickers", "stage_instances",
                "guild_scheduled_events", "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    /** A message object as Discord returns it. */
    public ObjectNode message(long id, long channelId, ObjectNode author, String content, List<Long> mentions) {
        ObjectNode m = nf.objectNode().put("id", String.valueOf(id)).put("channel_id", String.valueOf(channelId))
                .put("content", content).put("timestamp", now()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("type", 0).put("flags", 0);
        m.set("author", author);
        ArrayNode ms = m.putArray("mentions");
        mentions.forEach(u -> ms.add(user(u)));
        for (String empty : List.of("mention_roles", "attachments", "embeds", "components", "reactions")) m.putArray(empty);
        return m;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }

    private ArrayNode options(Map<String, Object> options, String focused) {
        ArrayNode arr = nf.arrayNode();
        options.forEach((k, v) -> {
            ObjectNode o = nf.objectNode().put("name", k);
            if (v instanceof Integer || v instanceof Long) o.put("type", 4).put("value", ((Number) v).longValue());
            else if (v instanceof Number n) o.put("type", 10).put("value", n.doubleValue());
            else if (v instanceof Boolean b) o.put("type", 5).put("value", b);
            else o.put("type", 3).put("value", String.valueOf(v));
            if (k.equals(focused)) o.put("focused", true);
            arr.add(o);
        });
        return arr;
    }

    // ==== REST =============================================================================================

    private static final Pattern CALLBACK = Pattern.compile("interactions/(\\d+)/([^/]+)/callback");
    private static final Pattern ORIGINAL = Pattern.compile("webhooks/(\\d+)/([^/]+)/messages/@original");
    private static final Pattern FOLLOWUP = Pattern.compile("webhooks/(\\d+)/([^/]+)");
    private static final Pattern CHANNEL_MESSAGES = Pattern.compile("channels/(\\d+)/messages");
    private static final Pattern THREAD_FROM_MESSAGE = Pattern.compile("channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern COMMANDS = Pattern.compile("applications/(\\d+)(?:/guilds/(\\d+))?/commands");

    private void handleRest(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getPath().substring("/api/v10/".length());
            String query = ex.getRequestURI().getQuery();
            byte[] raw = ex.getRequestBody().readAllBytes();
            JsonNode body = parseBody(raw, ex.getRequestHeaders().getFirst("Content-Type"));
            Request recorded = new Request(method, path, query, body, Instant.now());
            if (keepHistory) requests.add(recorded);
            for (var l : listeners) l.accept(recorded);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.equals("Bot " + BAD_TOKEN)) {
                respond(ex, 401, nf.objectNode().put("message", "401: Unauthorized").put("code", 0));
                return;
            }
            Object[] result = route(method, path, body);
            respond(ex, (Integer) result[0], (JsonNode) result[1]);
        } catch (RuntimeException e) {
            respond(ex, 500, nf.objectNode().put("message", "fake discord failed: " + e).put("code", 0));
        }
    }

    private Object[] route(String method, String path, JsonNode body) {
        Matcher m;
        if (method.equals("GET") && path.equals("users/@me")) return ok(user(BOT_ID).put("verified", true).put("mfa_enabled", false));
        if (method.equals("GET") && path.equals("oauth2/applications/@me")) {
            return ok(nf.objectNode().put("id", String.valueOf(APP_ID)).put("name", "newsdesk").put("flags", 0));
        }
        if ((m = COMMANDS.matcher(path)).matches() && method.equals("PUT")) {
            ArrayNode out = nf.arrayNode();
            for (JsonNode c : body) {
                ObjectNode cmd = ((ObjectNode) c).deepCopy();
                long id = commandIds.computeIfAbsent(cmd.path("name").asText(), n -> newId());
                cmd.put("id", String.valueOf(id)).put("application_id", String.valueOf(APP_ID))
                        .put("version", String.valueOf(newId()));
                if (!cmd.has("type")) cmd.put("type", 1);
                if (!cmd.has("description")) cmd.put("description", "");
                if (m.group(2) != null) cmd.put("guild_id", m.group(2));
                out.add(cmd);
            }
            return ok(out);
        }
        if ((m = CALLBACK.matcher(path)).matches() && method.equals("POST")) {
            int type = body.path("type").asInt();
            String token = m.group(2);
            ObjectNode resource = nf.objectNode().put("type", type);
            if (type == 4 || type == 5) {
                ObjectNode msg = botMessage(channelOfToken(token), body.path("data"));
                if (type == 5) msg.put("content", "").put("flags", body.path("data").path("flags").asInt() | 128);
                originals.put(token, msg);
                resource.set("message", msg);
            }
            ObjectNode r = nf.objectNode();
            r.set("interaction", nf.objectNode().put("id", m.group(1)).put("type", 2));
            r.set("resource", resource);
            return ok(r);
        }
        if ((m = ORIGINAL.matcher(path)).matches()) {
            String token = m.group(2);
            switch (method) {
                case "PATCH" -> {
                    ObjectNode prev = originals.get(token);
                    ObjectNode msg = botMessage(channelOfToken(token), body);
                    if (prev != null) msg.put("id", prev.get("id").asText());
                    originals.put(token, msg);
                    return ok(msg);
                }
                case "GET" -> {
                    ObjectNode prev = originals.get(token);
                    return prev == null ? notFound() : ok(prev);
                }
                case "DELETE" -> {
                    originals.remove(token);
                    return new Object[] {204, null};
                }
                default -> {
                    return notFound();
                }
            }
        }
        if ((m = FOLLOWUP.matcher(path)).matches() && method.equals("POST")) {
            ObjectNode msg = botMessage(channelOfToken(m.group(2)), body);
            msg.put("webhook_id", String.valueOf(APP_ID));
            return ok(msg);
        }
        if ((m = THREAD_FROM_MESSAGE.matcher(path)).matches() && method.equals("POST")) {
            long threadId = Long.parseLong(m.group(2)); // Discord gives the thread the starter message's id
            ObjectNode t = nf.objectNode().put("id", String.valueOf(threadId)).put("type", 11)
                    .put("guild_id", String.valueOf(GUILD_ID)).put("parent_id", m.group(1))
                    .put("owner_id", String.valueOf(BOT_ID)).put("name", body.path("name").asText("thread"))
                    .putNull("last_message_id").put("rate_limit_per_user", 0).put("message_count", 0)
                    .put("member_count", 1).put("total_message_sent", 0).put("flags", 0);
            t.set("thread_metadata", nf.objectNode().put("archived", false)
                    .put("auto_archive_duration", body.path("auto_archive_duration").asInt(1440))
                    .put("archive_timestamp", now()).put("locked", false).put("create_timestamp", now()));
            t.set("permission_overwrites", nf.arrayNode());
            threadsById.put(threadId, t);
            ObjectNode created = t.deepCopy().put("newly_created", true);
            threads.execute(() -> dispatch("THREAD_CREATE", created));
            return ok(t);
        }
        if ((m = CHANNEL_MESSAGES.matcher(path)).matches() && method.equals("POST")) {
            return ok(botMessage(Long.parseLong(m.group(1)), body));
        }
        return notFound();
    }

    private final Map<String, Long> tokenChannels = bounded(20_000);

    /**
     * A thread-safe map that forgets its oldest entries beyond {@code max} (2,000 without history), so long runs
     * stay in bounded memory.
     */
    private <K, V> Map<K, V> bounded(int max) {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<K, V>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > (keepHistory ? max : 2_000);
            }
        });
    }

    private long channelOfToken(String token) {
        return tokenChannels.getOrDefault(token, CHANNEL_ID);
    }

    /** A message sent by the bot, built from a create/edit body: content, embeds, components, flags echoed. */
    private ObjectNode botMessage(long channelId, JsonNode body) {
        String content = body == null ? "" : body.path("content").asText("");
        ObjectNode msg = message(newId(), channelId, user(BOT_ID), content, List.of());
        msg.put("application_id", String.valueOf(APP_ID));
        if (body != null && body.has("embeds")) {
            ArrayNode embeds = msg.putArray("embeds");
            body.get("embeds").forEach(e -> embeds.add(((ObjectNode) e).deepCopy().put("type", "rich")));
        }
        if (body != null && body.has("components")) {
            ArrayNode comps = ((ArrayNode) body.get("components")).deepCopy();
            AtomicInteger n = new AtomicInteger();
            comps.forEach(row -> numberComponents(row, n));
            msg.set("components", comps);
        }
        if (body != null && body.has("flags")) msg.put("flags", body.get("flags").asInt());
        return msg;
    }

    private static void numberComponents(JsonNode node, AtomicInteger n) {
        if (node instanceof ObjectNode o && !o.has("id")) o.put("id", n.incrementAndGet());
        node.path("components").forEach(c -> numberComponents(c, n));
    }

    private Object[] ok(JsonNode body) {
        return new Object[] {200, body};
    }

    private Object[] notFound() {
        return new Object[] {404, nf.objectNode().put("message", "Unknown route (fake Discord)").put("code", 0)};
    }

    private JsonNode parseBody(byte[] raw, String contentType) {
        if (raw.length == 0) return null;
        String s = new String(raw, StandardCharsets.UTF_8);
        try {
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                // JDA sends message bodies with files as multipart; the JSON is the "payload_json" part.
                int i = s.indexOf("name=\"payload_json\"");
                if (i < 0) return null;
                int start = s.indexOf("\r\n\r\n", i) + 4;
                int end = s.indexOf("\r\n--", start);
                return json.readTree(s.substring(start, end));
            }
            return json.readTree(s);
        } catch (IOException e) {
            return nf.textNode(s);
        }
    }

    private void respond(HttpExchange ex, int status, JsonNode body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(body);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(bytes);
        }
    }

    // ==== gateway ==========================================================================================

    private void acceptLoop() {
        while (!gatewayServer.isClosed()) {
            try {
                Socket s = gatewayServer.accept();
                threads.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        Connection c;
        try {
            c = handshake(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // gone
            }
            return;
        }
        connections.incrementAndGet();
        Connection previous = current;
        current = c;
        if (previous != null) previous.closeAbruptly();
        c.sendQuietly(nf.objectNode().put("op", 10).putNull("s").putNull("t")
                .set("d", nf.objectNode().put("heartbeat_interval", heartbeatIntervalMs)));
        try {
            while (true) {
                String text = c.readText();
                if (text == null) break;
                JsonNode p = json.readTree(text);
                gatewayReceived.add(p);
                onGateway(c, p);
            }
        } catch (IOException e) {
            // dropped
        } finally {
            c.closeAbruptly();
            if (current == c) current = null;
        }
    }

    private synchronized void onGateway(Connection c, JsonNode p) {
        switch (p.path("op").asInt(-1)) {
            case 1 -> c.sendQuietly(nf.objectNode().put("op", 11).putNull("d").putNull("s").putNull("t"));
            case 2 -> {
                identifies.incrementAndGet();
                seq.set(0);
                dispatched.clear();
                sessionId = "fake-session-" + identifies.get();
                c.ready = true;
                ObjectNode ready = nf.objectNode().put("v", 10).put("session_id", sessionId)
                        .put("resume_gateway_url", gatewayUrl());
                ready.set("user", user(BOT_ID).put("verified", true).put("mfa_enabled", false));
                ready.putArray("guilds").add(nf.objectNode().put("id", String.valueOf(GUILD_ID)).put("unavailable", true));
                ready.putArray("private_channels");
                ready.putArray("relationships");
                ready.putArray("presences");
                ready.putArray("guild_join_requests");
                ready.set("application", nf.objectNode().put("id", String.valueOf(APP_ID)).put("flags", 0));
                ready.set("shard", nf.arrayNode().add(0).add(1));
                dispatch("READY", ready);
                dispatch("GUILD_CREATE", guild());
            }
            case 6 -> {
                resumes.incrementAndGet();
                int since = p.path("d").path("seq").asInt(0);
                c.ready = true;
                for (ObjectNode d : dispatched) if (d.get("s").asInt() > since) c.sendQuietly(d);
                dispatch("RESUMED", nf.objectNode());
            }
            default -> {
                // presence updates, request members, ...: ignored
            }
        }
    }

    private Connection handshake(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) throw new EOFException("closed during handshake");
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String key = null;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) key = line.substring(colon + 1).trim();
        }
        if (key == null) {
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            throw new IOException("not a websocket request");
        }
        String accept;
        try {
            accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + WS_GUID).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return new Connection(socket);
    }

    /** One websocket connection: RFC 6455 framing (client frames masked, server frames not). */
    private final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        volatile boolean ready;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Next complete text message, or null when the peer closed. Answers pings and close frames. */
        String readText() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int b0 = in.read();
                if (b0 < 0) return null;
                int b1 = readByte();
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0F;
                long len = b1 & 0x7F;
                if (len == 126) len = (readByte() << 8) | readByte();
                else if (len == 127) {
                    len = 0;
                    for (int i = 0; i < 8; i++) len = (len << 8) | readByte();
                }
                byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
                byte[] payload = in.readNBytes((int) len);
                if (payload.length < len) return null;
                if (mask != null) for (int i = 0; i < payload.length; i++) payload[i] ^= mask[i % 4];
                switch (opcode) {
                    case 0x8 -> { // close: echo it and stop
                        synchronized (this) {
                            writeFrame(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        }
                        return null;
                    }
                    case 0x9 -> {
                        synchronized (this) {
                            writeFrame(0xA, payload);
                        }
                    }
                    case 0xA -> { /* pong: ignore */ }
                    default -> { // 0x1 text, 0x0 continuation (0x2 binary is treated as text too)
                        message.write(payload);
                        if (fin) return message.toString(StandardCharsets.UTF_8);
                    }
                }
            }
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) throw new EOFException();
            return b;
        }

        synchronized void sendQuietly(JsonNode payload) {
            try {
                writeFrame(0x1, json.writeValueAsBytes(payload));
            } catch (IOException e) {
                // connection gone; a RESUME replays what it missed
            }
        }

        synchronized void sendClose(int code) {
            try {
                writeFrame(0x8, new byte[] {(byte) (code >> 8), (byte) code});
            } catch (IOException ignored) {
                // gone
            }
        }

        private void writeFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 10);
            f.write(0x80 | opcode);
            if (payload.length < 126) f.write(payload.length);
            else if (payload.length < 65536) {
                f.write(126);
                f.write(payload.length >> 8);
                f.write(payload.length);
            } else {
                f.write(127);
                for (int i = 7; i >= 0; i--) f.write((int) ((long) payload.length >> (8 * i)));
            }
            f.write(payload);
            out.write(f.toByteArray());
            out.flush();
        }

        void closeAbruptly() {
            ready = false;
            try {
                socket.setSoLinger(true, 0); // RST, like a dropped network
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Event types dispatched in the current session, in order (READY, GUILD_CREATE, INTERACTION_CREATE, ...). */
    public List<String> dispatchedTypes() {
        List<String> out = new ArrayList<>();
        dispatched.forEach(d -> out.add(d.path("t").asText()));
        return out;
    }
}
