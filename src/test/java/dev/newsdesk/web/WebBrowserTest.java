package dev.newsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) against the real
 * {@code serve} on a test index. Screenshots of each page go to target/web-screenshots/.
 */
class WebBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/web-screenshots");

    @TempDir
    static Path dir;
    static WebTestServer server;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does it)");
        server = WebTestServer.start(dir);
        server.seedStore();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                "--lang=en-US", "--disable-gpu", "--user-data-dir=" + dir.resolve("chromium-profile"));
        // an alert must stay open so the test can see it (the default would dismiss it and fail the next command)
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    static WebDriverWait await() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode api(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    static void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void citationLinkOpensTheReaderAtTheMarkedQuote() throws Exception {
        JsonNode expected = api("/api/ask?q=" + q(WebHttpTest.SEED_QUESTION));
        browser.get(server.url("/?q=" + q(WebHttpTest.SEED_QUESTION)));
        WebElement cite = await().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#c1 a.cite")));
        assertThat(browser.findElement(By.id("answer-text")).getText()).isEqualTo(expected.get("answer").asText());
        shot("ask");
        cite.click();
        WebElement mark = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark#cited")));
        assertThat(mark.getDomProperty("textContent")).isEqualTo(expected.get("citations").get(0).get("quote").asText());
        // reader.js ran (the CSP admits it as a file): it marked the body and moved focus to the quote
        await().until(d -> "cited".equals(d.findElement(By.tagName("body")).getDomAttribute("data-scrolled-to")));
        assertThat(browser.switchTo().activeElement()).isEqualTo(mark);
        assertThat(browser.findElement(By.cssSelector(".reader .outlet")).getText()).isEqualTo("Iran International");
        shot("reader");
    }

    @Test
    void seedQuestionShowsTheLeadFirst() throws Exception {
        String question = "When did Blinken meet Netanyahu in Jerusalem?";
        JsonNode expected = api("/api/ask?q=" + q(question));
        assertThat(expected.get("lead").isTextual()).as(expected.toPrettyString()).isTrue();
        browser.get(server.url("/?q=" + q(question)));
        WebElement lead = await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#lead strong")));
        assertThat(lead.getText()).isEqualTo(expected.get("lead").asText());
        List<WebElement> markers = browser.findElements(By.cssSelector("#lead a.marker"));
        assertThat(markers).extracting(WebElement::getText)
                .containsExactlyElementsOf(expected.get("leadCitations").valueStream().map(n -> "[" + n.asInt() + "]").toList());
        shot("ask-lead");
    }

    @Test
    void outletAndDateFiltersNarrowTheResults() throws Exception {
        browser.get(server.url("/"));
        WebElement box = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        box.sendKeys("Blinken");
        new Select(browser.findElement(By.id("outlet"))).selectByValue("JNS");
        browser.findElement(By.id("search-button")).click();
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results li.hit")));
        List<WebElement> outlets = browser.findElements(By.cssSelector("#results li.hit .outlet"));
        assertThat(outlets).isNotEmpty().allSatisfy(o -> assertThat(o.getText()).isEqualTo("JNS"));
        assertThat(browser.findElements(By.cssSelector(".snippet strong"))).isNotEmpty();
        shot("search");

        browser.get(server.url("/"));
        box = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("q")));
        box.sendKeys("Blinken");
        // typed as a person types into Chromium's en-US date field: month, day, year
        browser.findElement(By.id("until")).sendKeys("12312021");
        browser.findElement(By.id("search-button")).click();
        await().until(d -> d.getCurrentUrl().contains("until=2021-12-31"));
        List<WebElement> dates = browser.findElements(By.cssSelector("#results li.hit .date"));
        assertThat(dates).isNotEmpty().allSatisfy(d -> assertThat(d.getText()).startsWith("2021-"));
    }

    @Test
    void askWorksWithTheKeyboardAlone() throws Exception {
        browser.get(server.url("/"));
        await().until(d -> "q".equals(d.switchTo().activeElement().getDomAttribute("id")));
        browser.switchTo().activeElement().sendKeys(WebHttpTest.SEED_QUESTION, Keys.ENTER);
        await().until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
        // ask.js moved focus to the answer; the next Tab is its first citation marker
        await().until(d -> "H2".equals(d.switchTo().activeElement().getTagName().toUpperCase()));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getDomAttribute("class")).isEqualTo("marker");
        focused.sendKeys(Keys.ENTER);
        WebElement mark = await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("mark#cited")));
        assertThat(mark.getDomProperty("textContent")).isEqualTo(WebHttpTest.SEED_QUOTE);
    }

    @Test
    void hostileArticleStaysInert() throws Exception {
        for (String path : List.of("/a/hostile_fixture", "/p/hostile_fixture:0", "/?q=" + q("harbour bridge") + "&mode=search",
                "/?q=" + q("When will the harbour bridge reopen?"))) {
            browser.get(server.url(path));
            await().until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
            assertNoAlert();
            assertThat(js("return typeof window.__xss")).as(path).isEqualTo("undefined");
            assertThat(browser.findElements(By.cssSelector("main img, main svg, main b, main iframe"))).as(path).isEmpty();
            assertThat(browser.findElements(By.cssSelector("a[href^='javascript']"))).as(path).isEmpty();
        }
        browser.get(server.url("/a/hostile_fixture"));
        String text = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("body"))).getText();
        assertThat(text).contains("<script>window.__xss='body'; alert('body')</script>")
                .contains("<a href=\"javascript:alert('link')\">this javascript link</a>")
                .contains("<img src=x onerror=\"window.__xss='img'; alert('img')\">");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("<script>window.__xss='title'</script>");
        shot("hostile");
    }

    @Test
    void aVoteUnderTheAnswerIsThanked() throws Exception {
        browser.get(server.url("/?q=" + q(WebHttpTest.SEED_QUESTION)));
        WebElement up = await().until(ExpectedConditions.elementToBeClickable(By.id("vote-up")));
        up.click();
        WebElement result = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("vote-result")));
        assertThat(result.getText()).startsWith("Thank you").contains("helpful");
        assertNoAlert();
        shot("vote");
    }

    @Test
    void insightsSignInWithTheKeyboardThenCharts() throws Exception {
        browser.get(server.url("/insights"));
        WebElement token = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        assertThat(browser.findElement(By.cssSelector(".login .error")).getText()).contains("sign in with the admin token");
        shot("insights-login");
        token.sendKeys(WebTestServer.ADMIN_TOKEN, Keys.ENTER);
        await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.insights")));
        assertThat(browser.getPageSource()).doesNotContain(WebTestServer.ADMIN_TOKEN);
        // the session cookie is HttpOnly: script on the page cannot read it
        assertThat((String) js("return document.cookie")).doesNotContain(AdminAuth.COOKIE);
        // the seeded CLI questions plus whatever the other tests asked through the web: the page shows the store's count
        long stored = new ObjectMapper().readTree(server.cli("insights", "--json")).get("questions").asLong();
        assertThat(stored).isGreaterThanOrEqualTo(4);
        assertThat(browser.findElement(By.id("total-questions")).getText()).isEqualTo(String.valueOf(stored));
        assertThat(browser.findElements(By.cssSelector("#chart-questions rect.bar"))).hasSize(60);
        shot("insights");
    }
}
