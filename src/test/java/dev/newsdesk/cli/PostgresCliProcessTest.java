package dev.newsdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands a user runs, as separate processes, on a real PostgreSQL chosen by environment variables alone:
 * ask records, feedback votes and reports, insights and history read it back, forget removes it; the password is
 * never printed.
 */
class PostgresCliProcessTest {
    static final String PASSWORD = "pg-SECRET-pw";
    @TempDir
    static Path home;
    static EmbeddedPostgres pg;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        Cli.seedHome(home);
        pg = EmbeddedPostgres.builder().start();
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("CREATE USER newsdesk PASSWORD '" + PASSWORD + "'");
            st.execute("CREATE DATABASE newsdesk OWNER newsdesk");
        }
        url = "jdbc:postgresql://localhost:" + pg.getPort() + "/newsdesk";
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) pg.close();
    }

    record Run(int status, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private static Run run(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, "dev.newsdesk.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--home", home.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NEWSDESK_"));
        env.put("NEWSDESK_DATABASE_URL", url);
        env.put("NEWSDESK_DATABASE_USER", "newsdesk");
        env.put("NEWSDESK_DATABASE_PASSWORD", PASSWORD);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        Run r = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        assertThat(r.out() + r.err()).as("the password never shows").doesNotContain(PASSWORD);
        return r;
    }

    @Test
    void theSameCommandsWorkOnPostgres() throws Exception {
        Run ask = run("ask", "What did Blinken tell Jewish leaders about Israel's response to Iran?", "--json");
        assertThat(ask.status()).as(ask.err()).isZero();
        long id = ask.json().get("id").asLong();
        assertThat(id).isPositive();
        assertThat(run("ask", "What is the best recipe for sourdough bread?").status()).isZero();

        assertThat(run("feedback", String.valueOf(id), "down").status()).isZero();
        assertThat(run("feedback", String.valueOf(id), "--citation", "1", "--reason", "the source doesn't say that").status()).isZero();

        Run insights = run("insights", "--json");
        assertThat(insights.status()).as(insights.err()).isZero();
        JsonNode in = insights.json();
        assertThat(in.get("store").asText()).isEqualTo("ok");
        assertThat(in.get("questions").asInt()).isEqualTo(2);
        assertThat(in.get("abstained").asInt()).isEqualTo(1);
        assertThat(in.get("feedback").get("down").asInt()).isEqualTo(1);
        assertThat(in.get("flaggedCitations").get(0).get("reasons").get(0).asText()).isEqualTo("the source doesn't say that");

        Run history = run("history", "--json");
        assertThat(history.json()).hasSize(2);

        String user = history.json().get(0).get("surface").asText();
        assertThat(user).isEqualTo("cli");
        Run forget = run("forget", "--user", "cli:" + System.getProperty("user.name").toLowerCase(java.util.Locale.ROOT));
        assertThat(forget.status()).as(forget.err()).isZero();
        assertThat(run("history", "--json").json()).isEmpty();
    }
}
