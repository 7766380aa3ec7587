package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /insights draws what the store holds: questions the CLI recorded and a reported citation, from the real database. */
class WebInsightsTest {
    @Test
    void chartsAndTablesShowTheStoredNumbers(@TempDir Path dir) throws Exception {
        try (WebTestServer server = WebTestServer.start(dir)) {
            server.seedStore();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url("/insights")))
                    .header("Authorization", "Bearer " + WebTestServer.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            WebHttpTest.assertNoInlineCode(r.body());
            Document page = Jsoup.parse(r.body());
            assertThat(page.select("#total-questions").text()).isEqualTo("4");
            assertThat(page.select("#total-abstained").text()).isEqualTo("2");
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            assertThat(page.select("#chart-questions rect.answered[data-category=" + today + "]").attr("data-value")).isEqualTo("2");
            assertThat(page.select("#chart-questions rect.abstained[data-category=" + today + "]").attr("data-value")).isEqualTo("2");
            assertThat(page.select("#chart-questions rect.answered")).hasSize(30);
            assertThat(page.select("#chart-feedback rect[data-category=not helpful]").attr("data-value")).isEqualTo("1");
            assertThat(page.select("#chart-feedback rect[data-category=citations flagged]").attr("data-value")).isEqualTo("1");
            assertThat(Long.parseLong(page.select("#chart-latency rect[data-category=median]").attr("data-value"))).isGreaterThanOrEqualTo(0);
            // per day: 30 bars each, today's carrying the seeded vote
            assertThat(page.select("#chart-latency-days rect.bar")).hasSize(30);
            assertThat(page.select("#chart-feedback-days rect.down[data-category=" + today + "]").attr("data-value")).isEqualTo("1");
            assertThat(page.select("#chart-feedback-days rect.up")).hasSize(30);
            assertThat(page.select("#gaps td").text()).contains("Who won the 2022 World Cup final?");
            assertThat(page.select("#gaps td.num").text()).isEqualTo("2");
            // the reason is user text: escaped, shown as written
            assertThat(page.select("#flags").text()).contains("the quote leaves out <who> said it").contains("Iran International");
            assertThat(r.body()).contains("&lt;who&gt;");
        }
    }
}
