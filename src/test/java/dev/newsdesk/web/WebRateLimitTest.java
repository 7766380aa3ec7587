package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/ask counts each client's questions; over the limit it answers 429 with a sentence, search stays open. */
class WebRateLimitTest {
    @Test
    void askIsRateLimitedPerClient(@TempDir Path dir) throws Exception {
        try (WebTestServer server = WebTestServer.start(dir, "web.asks-per-minute=2")) {
            HttpClient http = HttpClient.newHttpClient();
            int[] statuses = new int[3];
            HttpResponse<String> last = null;
            for (int i = 0; i < 3; i++) {
                last = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/ask?q=Blinken"))).build(), HttpResponse.BodyHandlers.ofString());
                statuses[i] = last.statusCode();
            }
            // a minute boundary between the requests would reset the window: then the third is allowed, so retry once
            if (statuses[2] != 429) {
                last = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/ask?q=Blinken"))).build(), HttpResponse.BodyHandlers.ofString());
                last = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/ask?q=Blinken"))).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertThat(statuses[0]).isEqualTo(200);
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(last.headers().firstValue("Retry-After")).isPresent();
            assertThat(new ObjectMapper().readTree(last.body()).get("error").asText())
                    .isEqualTo("Too many questions from your address: at most 2 a minute. Wait a minute and ask again.");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url("/?q=Blinken"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(429);
            assertThat(page.body()).contains("Too many questions from your address");
            HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(server.url("/api/search?q=Blinken"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(search.statusCode()).isEqualTo(200);
        }
    }
}
