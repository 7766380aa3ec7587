package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain HTTP against the real {@code serve}: statuses, headers, escaping, the API's shapes, admin access. */
class WebHttpTest {
    static final String SEED_QUESTION = "What did Blinken tell Jewish leaders about Israel's response to Iran?";
    static final String SEED_QUOTE = "In a recent off-the-record meeting, US Secretary of State Antony Blinken told American Jewish"
            + " leaders Israel's response to Iran's Saturday night aerial bombardment should be \"limited\".";

    /** web.base-url in the test home: what the CLI prints its reader links under. */
    static final String READER_BASE = "http://newsdesk.example:8080";

    @TempDir
    static Path dir;
    static WebTestServer server;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = WebTestServer.start(dir, "web.base-url=" + READER_BASE + "/");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).GET();
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--home";
        all[args.length + 1] = server.home.toString();
        all[args.length + 2] = "--index";
        all[args.length + 3] = server.home.resolve("data/index").toString();
        int status = Main.run(all, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(status).as("newsdesk " + String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void readerMarksTheCitedSpanWithStrictHeaders() throws Exception {
        HttpResponse<String> r = get("/p/002_d8b5abb78606031a:0?start=38&end=222");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(WebHttpTest::utf8Html);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(WebServer.CSP);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Server")).isEmpty();
        assertThat(r.body()).contains("<mark id=\"cited\" tabindex=\"-1\">" + Html.text(SEED_QUOTE) + "</mark>")
                .contains("Iran International").contains("2024-04-17");
        assertNoInlineCode(r.body());
    }

    @Test
    void passageWithoutSpanMarksTheWholePassageAndArticlePageMarksNothing() throws Exception {
        JsonNode passage = JSON.readTree(cli("cite", "002_d8b5abb78606031a:1", "--json")).get("passage");
        HttpResponse<String> p = get("/p/002_d8b5abb78606031a:1");
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(p.body()).contains("<mark id=\"cited\" tabindex=\"-1\">" + Html.text(passage.get("text").asText()) + "</mark>");
        HttpResponse<String> a = get("/a/002_d8b5abb78606031a");
        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(a.body()).doesNotContain("<mark").contains("This article has no original link");
    }

    @Test
    void hostileArticleRendersAsText() throws Exception {
        for (String path : new String[]{"/a/hostile_fixture", "/p/hostile_fixture:0?start=0&end=76", "/?q=" + q("harbour bridge") + "&mode=search",
                "/?q=" + q("When will the harbour bridge reopen?")}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            String body = r.body();
            assertNoInlineCode(body);
            assertThat(body).as(path).doesNotContain("<img").doesNotContain("<svg").doesNotContain("<b ")
                    .doesNotContainIgnoringCase("href=\"javascript:").doesNotContain("<a href=\"javascript");
            assertThat(body).as(path).contains("&lt;");
        }
        String article = get("/a/hostile_fixture").body();
        assertThat(article).contains("&lt;script&gt;window.__xss=&#39;body&#39;")
                .contains("Original address (not a web link)").contains("javascript:alert(&#39;url&#39;)")
                .contains("&lt;svg onload=alert(&#39;author&#39;)&gt;");
    }

    static void utf8Html(String type) {
        assertThat(type.replace(" ", "")).isEqualToIgnoringCase("text/html;charset=utf-8");
    }

    /**
     * Parsed as a browser would (jsoup): the only scripts are files from /static/, no element has an on* handler,
     * a style attribute or a javascript: link, and no element came from article text (img, svg, b, iframe).
     */
    static void assertNoInlineCode(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("script")).allSatisfy(s -> assertThat(s.attr("src")).startsWith("/static/"));
        assertThat(doc.select("script")).allSatisfy(s -> assertThat(s.data()).isEmpty());
        for (org.jsoup.nodes.Element e : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute on <" + e.tagName() + ">").doesNotStartWith("on").isNotEqualTo("style");
                assertThat(a.getValue().strip().toLowerCase()).as(a.getKey() + " on <" + e.tagName() + ">").doesNotStartWith("javascript:");
            }
        }
        assertThat(doc.select("img, b, iframe, object, embed")).isEmpty();
        // the only SVG is the server's own charts
        assertThat(doc.select("svg")).allSatisfy(svg -> assertThat(svg.parent().hasClass("chart")).isTrue());
    }

    @Test
    void badSpansAndUnknownIdsAreSentences() throws Exception {
        HttpResponse<String> span = get("/p/002_d8b5abb78606031a:0?start=50&end=999999");
        assertThat(span.statusCode()).isEqualTo(400);
        assertThat(span.body()).contains("is not inside this article");
        HttpResponse<String> nan = get("/p/002_d8b5abb78606031a:0?start=x&end=3");
        assertThat(nan.statusCode()).isEqualTo(400);
        assertThat(nan.body()).contains("start=x is not a character offset");
        assertThat(get("/a/no_such_article").statusCode()).isEqualTo(404);
        HttpResponse<String> page = get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("There is no page at /no/such/page");
        HttpResponse<String> api = get("/api/articles/no_such_article");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(api.body()).get("error").asText()).contains("no_such_article");
        assertThat(api.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void apiAskIsTheAskJsonOfTheCli() throws Exception {
        HttpResponse<String> r = get("/api/ask?q=" + q(SEED_QUESTION));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t.replace(" ", "")).isEqualToIgnoringCase("application/json;charset=utf-8"));
        JsonNode web = JSON.readTree(r.body());
        JsonNode cli = JSON.readTree(cli("ask", SEED_QUESTION, "--json"));
        // id is the stored question's number: both record their questions in the same store, each its own
        assertThat(web.get("id").isNumber()).isTrue();
        assertThat(cli.get("id").isNumber()).isTrue();
        assertThat(web.get("id").asLong()).isNotEqualTo(cli.get("id").asLong());
        JsonNode stored = null;
        for (JsonNode e : JSON.readTree(cli("history", "--limit", "100", "--json"))) {
            if (e.get("id").asLong() == web.get("id").asLong()) stored = e;
        }
        assertThat(stored).as("the web question is in the store").isNotNull();
        assertThat(stored.get("surface").asText()).isEqualTo("web");
        assertThat(stored.get("question").asText()).isEqualTo(SEED_QUESTION);
        assertThat(stored.get("answer").asText()).contains(SEED_QUOTE);
        ((com.fasterxml.jackson.databind.node.ObjectNode) cli).remove("id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) web).remove("id");
        assertThat(web).isEqualTo(cli);
        assertThat(web.get("abstained").asBoolean()).isFalse();
        assertThat(web.get("citations").get(0).get("quote").asText()).isEqualTo(SEED_QUOTE);
    }

    static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode historyEntry(long id) throws Exception {
        for (JsonNode e : JSON.readTree(cli("history", "--limit", "100", "--json"))) {
            if (e.get("id").asLong() == id) return e;
        }
        return null;
    }

    @Test
    void votesUnderAWebAnswerAreStoredAndOnlyForWebAnswers() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(get("/?q=" + q(SEED_QUESTION)).body());
        String id = page.select("#feedback-form input[name=id]").attr("value");
        assertThat(id).as("the answer page offers a vote on the stored answer").matches("\\d+");
        String origin = server.base;

        HttpResponse<String> down = post("/feedback", "id=" + id + "&vote=down", "Origin", origin);
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(org.jsoup.Jsoup.parse(down.body()).select("#vote-result").text()).contains("not helpful").contains("#" + id);
        // voting again changes the vote: one per answer
        assertThat(post("/feedback", "id=" + id + "&vote=up", "Origin", origin).statusCode()).isEqualTo(200);
        JsonNode fb = historyEntry(Long.parseLong(id)).get("feedback");
        assertThat(fb.get("up").asInt()).isEqualTo(1);
        assertThat(fb.get("down").asInt()).isZero();

        // a form on another site's page is refused, and nothing is recorded
        HttpResponse<String> forged = post("/feedback", "id=" + id + "&vote=down", "Origin", "https://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(post("/feedback", "id=" + id + "&vote=down", "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(historyEntry(Long.parseLong(id)).get("feedback").get("down").asInt()).isZero();

        // an answer given on the command line is not the web's to vote on
        long cliId = JSON.readTree(cli("ask", SEED_QUESTION, "--json")).get("id").asLong();
        HttpResponse<String> other = post("/feedback", "id=" + cliId + "&vote=down", "Origin", origin);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("no web answer #" + cliId);
        assertThat(historyEntry(cliId).get("feedback").get("down").asInt()).isZero();

        HttpResponse<String> bad = post("/feedback", "id=abc&vote=sideways", "Origin", origin);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not a vote").doesNotContain("Exception");
    }

    @Test
    void cliAskPrintsReaderLinksThatOpenTheQuote() throws Exception {
        String text = cli("ask", SEED_QUESTION);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("read: " + java.util.regex.Pattern.quote(READER_BASE) + "(/p/\\S+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(m.group(1)).isEqualTo("/p/002_d8b5abb78606031a:0?start=38&end=222");
        HttpResponse<String> r = get(m.group(1));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("<mark id=\"cited\" tabindex=\"-1\">" + Html.text(SEED_QUOTE) + "</mark>");
    }

    @Test
    void apiAskAbstainsLikeTheCli() throws Exception {
        String question = "Who won the 2022 World Cup final?";
        JsonNode web = JSON.readTree(get("/api/ask?q=" + q(question)).body());
        assertThat(web.get("abstained").asBoolean()).isTrue();
        JsonNode cli = JSON.readTree(cli("ask", question, "--json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) cli).remove("id");
        ((com.fasterxml.jackson.databind.node.ObjectNode) web).remove("id");
        assertThat(web).isEqualTo(cli);
    }

    @Test
    void apiSearchAndArticleAreTheCliShapes() throws Exception {
        JsonNode search = JSON.readTree(get("/api/search?q=Blinken+Netanyahu&outlet=JNS").body());
        assertThat(search).isEqualTo(JSON.readTree(cli("search", "Blinken", "Netanyahu", "--outlet", "JNS", "--json")));
        assertThat(search.get("hits")).isNotEmpty().allSatisfy(h -> assertThat(h.get("outlet").asText()).isEqualTo("JNS"));
        JsonNode article = JSON.readTree(get("/api/articles/002_d8b5abb78606031a").body());
        assertThat(article).isEqualTo(JSON.readTree(cli("cite", "002_d8b5abb78606031a", "--json")));
        JsonNode openapi = JSON.readTree(get("/openapi.json").body());
        assertThat(openapi.get("openapi").asText()).startsWith("3.");
        assertThat(openapi.get("paths").fieldNames()).toIterable().contains("/api/ask", "/api/search", "/api/articles/{id}");
    }

    @Test
    void filtersApplyAndBadFiltersAre400() throws Exception {
        JsonNode jns = JSON.readTree(get("/api/ask?q=" + q("What did Blinken discuss with Netanyahu?") + "&outlet=JNS").body());
        assertThat(jns.get("citations")).isNotEmpty().allSatisfy(c -> assertThat(c.get("outlet").asText()).isEqualTo("JNS"));
        JsonNode y2021 = JSON.readTree(get("/api/search?q=Blinken&until=2021-12-31").body());
        assertThat(y2021.get("hits")).isNotEmpty().allSatisfy(h -> assertThat(h.get("published").asText()).startsWith("2021"));
        HttpResponse<String> swapped = get("/api/ask?q=Blinken&since=2024-05-01&until=2024-01-01");
        assertThat(swapped.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(swapped.body()).get("error").asText()).contains("since 2024-05-01 is after until 2024-01-01");
        HttpResponse<String> badDate = get("/?q=Blinken&since=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("since=yesterday is not a date; use YYYY-MM-DD");
        assertThat(get("/api/ask").statusCode()).isEqualTo(400);
        assertThat(get("/api/ask?q=" + "a".repeat(2100)).statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedRequestsAreRefused() throws Exception {
        assertThat(get("/api/search?q=" + "a".repeat(20_000)).statusCode()).isIn(414, 431);
        // a raw request announcing a large form: refused from its Content-Length before a byte of the body is read
        // (an HTTP client still sending the body would see the connection close instead of the status)
        URI u = URI.create(server.base);
        try (java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort())) {
            socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void insightsNeedTheAdminToken() throws Exception {
        HttpResponse<String> anonymous = get("/insights");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("sign in with the admin token");
        assertThat(get("/insights", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> bearer = get("/insights", "Authorization", "Bearer " + WebTestServer.ADMIN_TOKEN);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(bearer.body()).contains("<h1>Insights</h1>").doesNotContain(WebTestServer.ADMIN_TOKEN);

        HttpResponse<String> wrong = postLogin("not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
        HttpResponse<String> login = postLogin(WebTestServer.ADMIN_TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict").doesNotContain(WebTestServer.ADMIN_TOKEN);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get("/insights", "Cookie", pair).statusCode()).isEqualTo(200);
        assertThat(get("/insights", "Cookie", AdminAuth.COOKIE + "=" + WebTestServer.ADMIN_TOKEN).statusCode()).isEqualTo(401);
    }

    static HttpResponse<String> postLogin(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + q(token))).build(), HttpResponse.BodyHandlers.ofString());
    }
}
