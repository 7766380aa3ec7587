package dev.newsdesk.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordSettingsTest {

    @Test
    void missingTokenIsOneClearLine() {
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of(), new Properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DISCORD_TOKEN is not set; create a bot at https://discord.com/developers/applications "
                        + "and export DISCORD_TOKEN=... (see README)");
    }

    @Test
    void readsEnvironmentAndPropertiesWithDefaults() {
        Properties p = new Properties();
        p.setProperty("discord.guilds", "1, 2");
        p.setProperty("discord.admin-roles", "9");
        p.setProperty("discord.cooldown-seconds", "2.5");
        DiscordSettings s = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", " secret-token ",
                "NEWSDESK_DISCORD_REST_URL", "http://127.0.0.1:1/api/v10", "NEWSDESK_DISCORD_GATEWAY_URL", "ws://127.0.0.1:2/"), p);
        assertThat(s.token().get()).isEqualTo("secret-token");
        assertThat(s.restBaseUrl()).isEqualTo("http://127.0.0.1:1/api/v10/");
        assertThat(s.gatewayUrl()).isEqualTo("ws://127.0.0.1:2/");
        assertThat(s.guildIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(s.adminRoleIds()).containsExactly(9L);
        assertThat(s.allowedChannelIds()).isEmpty();
        assertThat(s.cooldown()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.maxConcurrentAnswers()).isEqualTo(4);
        assertThat(s.queueBound()).isEqualTo(32);
        assertThat(s.toString()).doesNotContain("secret-token");
    }

    @Test
    void endpointsComeFromConfigAndTheEnvironmentWins() {
        Properties p = new Properties();
        p.setProperty("discord.rest-url", "http://127.0.0.1:7/api/v10");
        p.setProperty("discord.gateway-url", "ws://127.0.0.1:8/");
        DiscordSettings fromConfig = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t"), p);
        assertThat(fromConfig.restBaseUrl()).isEqualTo("http://127.0.0.1:7/api/v10/");
        assertThat(fromConfig.gatewayUrl()).isEqualTo("ws://127.0.0.1:8/");
        DiscordSettings fromEnv = DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t",
                "NEWSDESK_DISCORD_REST_URL", "http://127.0.0.1:9/api/v10/"), p);
        assertThat(fromEnv.restBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");
        assertThat(fromEnv.gatewayUrl()).isEqualTo("ws://127.0.0.1:8/");
    }

    @Test
    void defaultsPointAtDiscord() {
        DiscordSettings s = DiscordSettings.defaults(() -> "t");
        assertThat(s.restBaseUrl()).isEqualTo("https://discord.com/api/v10/");
        assertThat(s.gatewayUrl()).isNull();
        assertThat(s.cooldown()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.withGuilds(Set.of(5L)).guildIds()).containsExactly(5L);
    }

    @Test
    void tokenFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("token");
        Files.writeString(f, "from-file\n");
        assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN_FILE", f.toString()), null).token().get())
                .isEqualTo("from-file");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN_FILE", dir.resolve("nope").toString()), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a readable file");
    }

    @Test
    void badValuesNameTheFix() {
        assertThatThrownBy(() -> DiscordSettings.defaults(() -> "t").withEndpoints("ftp://x", null))
                .hasMessageContaining("must start with http");
        Properties p = new Properties();
        p.setProperty("discord.channels", "general");
        assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_TOKEN", "t"), p))
                .hasMessageContaining("discord.channels='general'");
    }
}
