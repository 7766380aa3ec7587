package dev.newsdesk.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may see /insights: a request with {@code Authorization: Bearer TOKEN}, or with the session cookie the login
 * form sets. The cookie holds an HMAC of the token under a key made at start-up, never the token itself, so a
 * leaked cookie dies with the server and the token never travels back to the browser. Comparisons are
 * constant-time. Without a configured token nobody is admitted.
 */
final class AdminAuth {
    static final String COOKIE = "newsdesk_admin";
    static final int SESSION_SECONDS = 8 * 3600;
    private final Optional<String> token;
    private final String session;

    AdminAuth(Optional<String> token) {
        this.token = token;
        this.session = token.map(AdminAuth::sessionValue).orElse(null);
    }

    boolean configured() {
        return token.isPresent();
    }

    boolean admitted(Context ctx) {
        if (token.isEmpty()) return false;
        String auth = ctx.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && same(auth.substring(7).strip(), token.get())) return true;
        String cookie = ctx.cookie(COOKIE);
        return cookie != null && same(cookie, session);
    }

    /** True when {@code candidate} is the token. */
    boolean tokenMatches(String candidate) {
        return token.isPresent() && candidate != null && same(candidate.strip(), token.get());
    }

    /** Sets the session cookie: Secure, HttpOnly, SameSite=Strict, for the whole site, for eight hours. */
    void setSession(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/; Max-Age=" + SESSION_SECONDS + "; Secure; HttpOnly; SameSite=Strict");
    }

    void clearSession(Context ctx) {
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sessionValue(String token) {
        try {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }
}
