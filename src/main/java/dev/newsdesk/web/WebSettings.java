package dev.newsdesk.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How the web companion listens and what it allows. Defaults are the safe ones: loopback only, small requests,
 * a few asks per minute per client, no admin page until a token is set.
 *
 * @param bind          address to listen on; 127.0.0.1 unless {@code --bind} or {@code web.bind} says otherwise
 * @param port          0 picks a free port (tests)
 * @param baseUrl       the address people open (for links from Discord and the CLI), or null
 * @param asksPerMinute answers one client may ask for per minute (the answer pipeline is the expensive part)
 * @param adminToken    the insights token, from {@code NEWSDESK_WEB_ADMIN_TOKEN} or the file named by
 *                      {@code web.admin-token-file}; empty disables /insights (401 for everyone)
 */
public record WebSettings(String bind, int port, String baseUrl, int asksPerMinute, long maxRequestBytes,
                          Optional<String> adminToken) {
    public static final String TOKEN_ENV = "NEWSDESK_WEB_ADMIN_TOKEN";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_BIND = "127.0.0.1";
    /** Forms and query strings are short; nothing here takes uploads. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16 * 1024;

    public WebSettings {
        if (bind == null || bind.isBlank()) throw new IllegalArgumentException("web.bind is empty; use 127.0.0.1 (this machine only) or an address to listen on");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is outside 0..65535; use e.g. --port 8080");
        if (asksPerMinute < 1) throw new IllegalArgumentException("web.asks-per-minute must be at least 1, got " + asksPerMinute);
        if (maxRequestBytes < 1024) throw new IllegalArgumentException("web.max-request-bytes must be at least 1024, got " + maxRequestBytes);
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip().replaceAll("/+$", "");
        if (baseUrl != null && Html.safeHref(baseUrl) == null) {
            throw new IllegalArgumentException("web.base-url '" + baseUrl + "' is not an http(s) address; use e.g. http://127.0.0.1:8080");
        }
        adminToken = adminToken == null ? Optional.empty() : adminToken.filter(t -> !t.isBlank()).map(String::strip);
    }

    /**
     * Settings from config/ ({@code web.*} keys) and the environment; {@code bind}/{@code port} from the command
     * line win when not null.
     */
    public static WebSettings from(Properties config, Map<String, String> env, String bind, Integer port) {
        String b = bind != null ? bind : config.getProperty("web.bind", DEFAULT_BIND).strip();
        int p = port != null ? port : parseInt(config, "web.port", DEFAULT_PORT);
        return new WebSettings(b, p, config.getProperty("web.base-url"), parseInt(config, "web.asks-per-minute", 20),
                parseInt(config, "web.max-request-bytes", (int) DEFAULT_MAX_REQUEST_BYTES), token(config, env));
    }

    private static Optional<String> token(Properties config, Map<String, String> env) {
        String fromEnv = env.get(TOKEN_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(fromEnv.strip());
        String file = config.getProperty("web.admin-token-file");
        if (file == null || file.isBlank()) return Optional.empty();
        try {
            return Optional.of(Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read web.admin-token-file '" + file.strip() + "'; create it or unset the key", e);
        }
    }

    private static int parseInt(Properties config, String key, int fallback) {
        String v = config.getProperty(key);
        if (v == null || v.isBlank()) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v.strip() + "' is not a whole number");
        }
    }

    /** True when only this machine can connect. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The reader link for a cited span, under {@code base}: {@code BASE/p/PASSAGE?start=S&end=E}. */
    public static String readerLink(String base, String passageId, int start, int end) {
        return dev.newsdesk.answer.ReaderLink.of(base, passageId, start, end);
    }

    @Override
    public String toString() {
        // never the token
        return "WebSettings[" + bind + ":" + port + ", baseUrl=" + baseUrl + ", asksPerMinute=" + asksPerMinute
                + ", admin=" + (adminToken.isPresent() ? "set" : "off") + "]";
    }
}
