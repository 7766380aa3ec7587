package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsdesk.discord.FakeDiscord;
import dev.newsdesk.index.elastic.ElasticCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code newsdesk bot} started while its cluster is not there (hosts point at a closed port): it starts, answers
 * "Search is unavailable: ... is unreachable ...", and once a cluster is started on that port and the corpus
 * ingested, the next /ask is answered with citations by the same process.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BotClusterRecoveryElasticIT {
    @Test
    void theBotComesBackWhenTheClusterDoes() throws Exception {
        Path root = Files.createTempDirectory("bot-cluster-recovery");
        Path corpus = ElasticFixture.write(root.resolve("corpus"));
        Path home = Files.createDirectories(root.resolve("home"));
        String[] extra = {"embedding.model=none", "discord.guilds=" + FakeDiscord.GUILD_ID, "discord.cooldown-seconds=0"};
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/newsdesk.properties"), String.join("\n", extra) + "\n");
        int port = ElasticCluster.freePort();
        String index = "it-recovery";
        List<Process> children = new ArrayList<>();
        try (FakeDiscord discord = new FakeDiscord()) {
            Path log = home.resolve("bot.log");
            Process bot = BotSearchUnavailableTest.startBot(discord, home, log, Map.of("NEWSDESK_INDEX_BACKEND", "elasticsearch",
                    "NEWSDESK_ELASTICSEARCH_HOSTS", "http://127.0.0.1:" + port, "NEWSDESK_ELASTICSEARCH_INDEX", index), children);
            BotSearchUnavailableTest.awaitReady(discord, bot, log);
            assertThat(BotSearchUnavailableTest.ask(discord, FakeDiscord.USER_ID + 1))
                    .startsWith("Search is unavailable: Elasticsearch at [http://127.0.0.1:" + port + "] is unreachable");

            try (ElasticCluster cluster = ElasticCluster.start("bot-recovery", port)) {
                assertThat(cluster.hosts().getFirst().getPort()).isEqualTo(port);
                ElasticFixture.ingest(corpus, cluster.home(home, index, extra), null);
                String answer = BotSearchUnavailableTest.askUntilAnswered(discord, FakeDiscord.USER_ID + 2);
                assertThat(answer).contains("**Sources**").contains("[1]");
                assertThat(bot.isAlive()).as("the same process, no restart").isTrue();
                assertThat(Files.readString(log)).doesNotContain("Exception");
            }
        } finally {
            for (Process p : children) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
