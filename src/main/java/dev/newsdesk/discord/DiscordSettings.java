package dev.newsdesk.discord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How the Discord front end connects and whom it serves. Validated here; defaults are filled in one place
 * ({@link #defaults(Supplier)} and {@link #fromEnvironment(Map, Properties)}).
 *
 * @param token supplies the bot token when JDA starts; never logged ({@link #toString()} hides it)
 * @param restBaseUrl Discord REST base URL ending in "/", e.g. {@code https://discord.com/api/v10/}
 * @param gatewayUrl websocket URL of the gateway, or null for Discord's own
 * @param guildIds guilds to register commands in (instant); empty = register globally
 * @param allowedChannelIds channels (or parent channels of threads) the bot answers in; empty = all
 * @param allowedRoleIds roles allowed to use the bot; empty = everyone
 * @param adminRoleIds roles allowed to run /reindex; empty = nobody
 * @param cooldown minimum time between two questions of one user
 * @param maxConcurrentAnswers answers computed at the same time
 * @param queueBound answers waiting for a worker before new ones are turned away politely
 */
public record DiscordSettings(Supplier<String> token, String restBaseUrl, String gatewayUrl, Set<Long> guildIds,
                              Set<Long> allowedChannelIds, Set<Long> allowedRoleIds, Set<Long> adminRoleIds,
                              Duration cooldown, int maxConcurrentAnswers, int queueBound) {

    public static final String DEFAULT_REST_URL = "https://discord.com/api/v10/";
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_CONCURRENT = 4;
    public static final int DEFAULT_QUEUE_BOUND = 32;
    static final String MISSING_TOKEN = "DISCORD_TOKEN is not set; create a bot at "
            + "https://discord.com/developers/applications and export DISCORD_TOKEN=... (see README)";

    public DiscordSettings {
        Objects.requireNonNull(token, "token supplier");
        restBaseUrl = restBaseUrl == null || restBaseUrl.isBlank() ? DEFAULT_REST_URL : restBaseUrl.strip();
        if (!restBaseUrl.endsWith("/")) restBaseUrl = restBaseUrl + "/";
        if (!restBaseUrl.startsWith("http://") && !restBaseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("Discord REST URL '" + restBaseUrl + "' must start with http:// or https://");
        }
        gatewayUrl = gatewayUrl == null || gatewayUrl.isBlank() ? null : gatewayUrl.strip();
        if (gatewayUrl != null && !gatewayUrl.startsWith("ws://") && !gatewayUrl.startsWith("wss://")) {
            throw new IllegalArgumentException("Discord gateway URL '" + gatewayUrl + "' must start with ws:// or wss://");
        }
        guildIds = guildIds == null ? Set.of() : Set.copyOf(guildIds);
        allowedChannelIds = allowedChannelIds == null ? Set.of() : Set.copyOf(allowedChannelIds);
        allowedRoleIds = allowedRoleIds == null ? Set.of() : Set.copyOf(allowedRoleIds);
        adminRoleIds = adminRoleIds == null ? Set.of() : Set.copyOf(adminRoleIds);
        cooldown = cooldown == null ? DEFAULT_COOLDOWN : cooldown;
        if (cooldown.isNegative()) throw new IllegalArgumentException("cooldown " + cooldown + " is negative");
        if (maxConcurrentAnswers < 1) {
            throw new IllegalArgumentException("max concurrent answers " + maxConcurrentAnswers + " must be >= 1");
        }
        if (queueBound < 1) throw new IllegalArgumentException("queue bound " + queueBound + " must be >= 1");
    }

    /** Settings for Discord itself with every default: global commands, no allow-lists, no admins. */
    public static DiscordSettings defaults(Supplier<String> token) {
        return new DiscordSettings(token, DEFAULT_REST_URL, null, Set.of(), Set.of(), Set.of(), Set.of(),
                DEFAULT_COOLDOWN, DEFAULT_MAX_CONCURRENT, DEFAULT_QUEUE_BOUND);
    }

    public DiscordSettings withEndpoints(String rest, String gateway) {
        return new DiscordSettings(token, rest, gateway, guildIds, allowedChannelIds, allowedRoleIds, adminRoleIds,
                cooldown, maxConcurrentAnswers, queueBound);
    }

    public DiscordSettings withGuilds(Set<Long> guilds) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, guilds, allowedChannelIds, allowedRoleIds,
                adminRoleIds, cooldown, maxConcurrentAnswers, queueBound);
    }

    public DiscordSettings withAccess(Set<Long> channels, Set<Long> roles, Set<Long> admins) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, guildIds, channels, roles, admins,
                cooldown, maxConcurrentAnswers, queueBound);
    }

    public DiscordSettings withLimits(Duration userCooldown, int maxConcurrent, int queue) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, guildIds, allowedChannelIds, allowedRoleIds,
                adminRoleIds, userCooldown, maxConcurrent, queue);
    }

    /**
     * Reads settings from environment variables (wins) and a properties file.
     * <ul>
     *   <li>{@code DISCORD_TOKEN}, or {@code DISCORD_TOKEN_FILE} naming a file holding it (read lazily, when the bot
     *   starts; checked for presence here)</li>
     *   <li>{@code NEWSDESK_DISCORD_REST_URL} / property {@code discord.rest-url}</li>
     *   <li>{@code NEWSDESK_DISCORD_GATEWAY_URL} / property {@code discord.gateway-url}</li>
     *   <li>properties {@code discord.guilds}, {@code discord.channels}, {@code discord.roles},
     *   {@code discord.admin-roles} (comma-separated ids), {@code discord.cooldown-seconds},
     *   {@code discord.max-concurrent}, {@code discord.queue}</li>
     * </ul>
     *
     * @throws IllegalStateException with one line naming the fix when no token is configured
     */
    public static DiscordSettings fromEnvironment(Map<String, String> env, Properties config) {
        Map<String, String> e = env == null ? Map.of() : env;
        Properties p = config == null ? new Properties() : config;
        Supplier<String> token = tokenSupplier(e);
        String rest = firstNonBlank(e.get("NEWSDESK_DISCORD_REST_URL"), p.getProperty("discord.rest-url"));
        String gateway = firstNonBlank(e.get("NEWSDESK_DISCORD_GATEWAY_URL"), p.getProperty("discord.gateway-url"));
        return new DiscordSettings(token, rest, gateway,
                ids(p, "discord.guilds"), ids(p, "discord.channels"), ids(p, "discord.roles"),
                ids(p, "discord.admin-roles"),
                Duration.ofMillis(Math.round(1000 * number(p, "discord.cooldown-seconds", DEFAULT_COOLDOWN.toSeconds()))),
                (int) number(p, "discord.max-concurrent", DEFAULT_MAX_CONCURRENT),
                (int) number(p, "discord.queue", DEFAULT_QUEUE_BOUND));
    }

    private static Supplier<String> tokenSupplier(Map<String, String> env) {
        String direct = env.get("DISCORD_TOKEN");
        if (direct != null && !direct.isBlank()) {
            String t = direct.strip();
            return () -> t;
        }
        String file = env.get("DISCORD_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file.strip());
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("DISCORD_TOKEN_FILE names '" + path + "', which is not a readable file");
            }
            return () -> {
                try {
                    String t = Files.readString(path).strip();
                    if (t.isEmpty()) throw new IllegalStateException("DISCORD_TOKEN_FILE '" + path + "' is empty");
                    return t;
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot read DISCORD_TOKEN_FILE '" + path + "'", ex);
                }
            };
        }
        throw new IllegalStateException(MISSING_TOKEN);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.strip();
        return b == null || b.isBlank() ? null : b.strip();
    }

    private static Set<Long> ids(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return Set.of();
        try {
            return Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isBlank()).map(Long::parseUnsignedLong)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + "='" + v + "' must be a comma-separated list of Discord ids");
        }
    }

    private static double number(Properties p, String key, double dflt) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Double.parseDouble(v.strip());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(key + "='" + v + "' must be a number");
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "DiscordSettings[token=***, restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl
                + ", guildIds=" + guildIds + ", allowedChannelIds=" + allowedChannelIds + ", allowedRoleIds="
                + allowedRoleIds + ", adminRoleIds=" + adminRoleIds + ", cooldown=" + cooldown
                + ", maxConcurrentAnswers=" + maxConcurrentAnswers + ", queueBound=" + queueBound + "]";
    }
}
