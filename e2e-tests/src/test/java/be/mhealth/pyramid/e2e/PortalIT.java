package be.mhealth.pyramid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser (headless Chromium through the machine's chromedriver), as a French-speaking visitor,
 * a vendor and an FAMHP assessor use it: search and filter the catalog, open an app and read its topics, switch to
 * Dutch, sign in through Keycloak's own login page. Saves screenshots of the main pages to portal/docs/.
 */
@Order(2)
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalIT {

    static Platform platform;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static DemoData.DemoApp heartRhythm;
    static DemoData.DemoApp draft;
    static String queuedName;
    static UUID heartRhythmId;

    @BeforeAll
    static void demoDataAndABrowser() throws IOException {
        platform = SharedPlatform.platform();
        PyramidClient client = new PyramidClient(platform.gatewayUrl(), platform.realmUrl());
        // The demo data (loaded already when the climb ran first; loading it again changes nothing).
        List<DemoData.DemoApp> apps = DemoData.apps();
        heartRhythm = apps.stream().filter(a -> a.slug().equals(DemoData.VERSIONED)).findFirst().orElseThrow();
        draft = apps.stream().filter(a -> a.vendor().equals("alice") && a.target().equals("DRAFT")).findFirst()
                .orElseThrow();
        DemoData demo = new DemoData(client);
        heartRhythmId = demo.load(heartRhythm);
        demo.load(draft);
        // A dossier waiting for FAMHP: alice submits an M1 dossier that nobody has decided yet.
        ClimbSteps steps = new ClimbSteps(client);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        queuedName = "WachtrijApp " + suffix;
        UUID queued = steps.registerApp("alice", ClimbSteps.appListing(Map.of("nl", queuedName, "fr",
                "AppFile " + suffix, "en", "QueueApp " + suffix), Map.of("nl", "Wacht op het FAGG.", "fr",
                "Attend l'AFMPS.", "en", "Waits for FAMHP."), "NEUROLOGY", List.of("ANDROID"), List.of("PATIENT"),
                "portal-" + suffix), "portal-queue-" + suffix);
        steps.submitM1("alice", queued, "I", LocalDate.now().plusYears(2));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> "M3".equals(client.anonymous().get("/api/v1/apps/" + heartRhythmId).then().extract()
                        .path("level")));

        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1100");
        // The visitor's browser asks for French first.
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-BE,fr,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String portal(String path) {
        return platform.portalUrl() + path;
    }

    private static String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    private static void screenshot(String name) throws IOException {
        Path docs = Path.of(System.getProperty("pyramid.root", "..")).resolve("portal/docs");
        Files.createDirectories(docs);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    @Order(1)
    void aFrenchVisitorSearchesAndFiltersTheCatalogThenReadsAnAppsTopicsAndSwitchesToDutch() throws IOException {
        // The first visit follows Accept-Language.
        browser.get(portal("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/fr/");
        assertThat(lang()).isEqualTo("fr");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Applications de santé");
        // Counts per level, from the catalog's facets.
        assertThat(Long.parseLong(browser.findElement(By.cssSelector(".count[data-level=M3]")).getText()))
                .isPositive();

        // Search and filter with the form (labels on every control), as a keyboard user would submit it.
        WebElement q = browser.findElement(By.cssSelector("label[for=q] + input#q"));
        q.sendKeys("Rythme");
        new Select(browser.findElement(By.id("f-level"))).selectByValue("M3");
        new Select(browser.findElement(By.id("f-category"))).selectByValue(heartRhythm.category());
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("q=Rythme"));
        assertThat(browser.getCurrentUrl()).contains("level=M3").contains("category=" + heartRhythm.category());
        List<WebElement> results = browser.findElements(By.cssSelector("li.app h3 a"));
        assertThat(results).extracting(WebElement::getText).contains(heartRhythm.name().get("fr"));
        assertThat(browser.findElement(By.id("total")).getText()).endsWith("applications trouvées");
        screenshot("catalog");

        // The app's page: its five topics, its level and its history.
        results.stream().filter(a -> a.getText().equals(heartRhythm.name().get("fr"))).findFirst().orElseThrow()
                .click();
        wait.until(d -> d.getCurrentUrl().contains("/fr/apps/" + heartRhythmId));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heartRhythm.name().get("fr"));
        List<WebElement> topics = browser.findElements(By.cssSelector("li.topic"));
        assertThat(topics).extracting(t -> t.getAttribute("id")).containsExactly("topic-ceMarking",
                "topic-dataProtection", "topic-communicationSecurity", "topic-interoperability", "topic-financing");
        assertThat(browser.findElement(By.id("level")).getText()).contains("M3");
        assertThat(topics).allSatisfy(t -> assertThat(t.getAttribute("data-assessed")).as(t.getAttribute("id"))
                .isEqualTo("true"));
        assertThat(browser.findElement(By.id("topic-financing")).getText()).contains("INAMI");
        assertThat(browser.findElements(By.cssSelector("#history-heading + table tbody tr"))).isNotEmpty();
        screenshot("app");

        // Switch to Dutch: the same page, and the choice is remembered for the next first visit.
        browser.findElement(By.cssSelector("a[hreflang=nl]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/nl/apps/" + heartRhythmId));
        assertThat(lang()).isEqualTo("nl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heartRhythm.name().get("nl"));
        assertThat(browser.findElement(By.id("topics-heading")).getText()).isEqualTo("Wat er is nagegaan");
        browser.get(portal("/"));
        assertThat(browser.getCurrentUrl()).endsWith("/nl/");
    }

    private static void signInAs(String user) {
        // Signed out everywhere: the portal's session and Keycloak's (whose cookies live under /realms/pyramid/).
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.get(portal("/nl/me"));
        // Keycloak's own login page.
        wait.until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        // Back at the portal (after the code exchange, on the page asked for).
        wait.until(d -> d.getCurrentUrl().equals(portal("/nl/me")) && !d.findElements(By.tagName("main")).isEmpty());
    }

    @Test
    @Order(2)
    void aVendorSignsInThroughKeycloakAndSeesItsOwnDraftAndWhatItsDossiersWaitFor() throws IOException {
        signInAs("alice");

        assertThat(lang()).isEqualTo("nl");
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains(draft.name().get("nl")).contains("ontwerp (niet in de catalogus)")
                .contains(heartRhythm.name().get("nl")).contains(queuedName)
                // the queued app's M1 dossier waits for FAMHP (FAGG in Dutch, the API's label)
                .contains("de overheid (FAGG)");
        assertThat(browser.findElements(By.cssSelector(".vendor-app h3"))).extracting(WebElement::getText)
                .doesNotContain("SlaapWel");
        screenshot("vendor");
    }

    @Test
    @Order(3)
    void anFamhpAssessorSignsInAndSeesTheM1Queue() throws IOException {
        signInAs("fiona");

        WebElement queue = browser.findElement(By.cssSelector("section.queue"));
        assertThat(queue.findElement(By.tagName("h2")).getText()).contains("M1");
        assertThat(queue.getText()).contains(queuedName);
        assertThat(browser.findElements(By.cssSelector(".vendor-app"))).as("no vendor section").isEmpty();
        screenshot("queue");
    }

    /**
     * Public pages carry Cache-Control and a validator (304 on If-None-Match); the signed-in page needs a session.
     * Prints each page's server time at demo size (not asserted: the target, 50 ms, is a benchmark figure).
     */
    @Test
    @Order(4)
    void publicPagesAreCacheableAndSignedInPagesAreNot() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        Map<String, String> pages = Map.of("catalog", "/fr/", "search", "/fr/?q=Rythme&level=M3", "app",
                "/nl/apps/" + heartRhythmId, "level", "/en/levels/M2");
        for (var page : pages.entrySet()) {
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(URI.create(portal(page.getValue()))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).as(page.getKey()).isEqualTo(200);
            assertThat(first.headers().firstValue("Cache-Control")).as(page.getKey()).hasValueSatisfying(
                    v -> assertThat(v).startsWith("public").contains("max-age="));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(portal(page.getValue())))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(again.statusCode()).as(page.getKey() + " revalidated").isEqualTo(304);
            assertThat(again.body()).isEmpty();

            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                long start = System.nanoTime();
                http.send(HttpRequest.newBuilder(URI.create(portal(page.getValue()))).build(),
                        HttpResponse.BodyHandlers.ofString());
                micros.add((System.nanoTime() - start) / 1000);
            }
            Collections.sort(micros);
            System.out.printf("E2E: portal %-7s %s: median %.1f ms, p90 %.1f ms (30 requests, after 2)%n",
                    page.getKey(), page.getValue(), micros.get(15) / 1000.0, micros.get(27) / 1000.0);
        }
        // The browser's session (fiona, signed in by the test before): her page is never stored by any cache.
        String session = String.join("; ", browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(portal("/nl/me")))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.headers().firstValue("Cache-Control")).contains("private, no-store");
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create(portal("/fr/me"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as("to Keycloak's login").isEqualTo(302);
        assertThat(me.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v)
                .startsWith(platform.realmUrl() + "/protocol/openid-connect/auth").contains("client_id=pyramid-portal")
                .contains("code_challenge="));
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(portal("/fr/apps/"
                + UUID.randomUUID()))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<html lang=\"fr\">").contains("Application introuvable");
    }
}
