package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/**
 * The operator console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): log in,
 * see a dossier event the portal rejected as a dead letter, replay it, see it delivered. Skipped when Chromium is not
 * installed, unless {@code hub.test.browser.required} is true (CI). Screenshots go to
 * {@code target/console-screenshots/}.
 */
class ConsoleIT extends HubIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (Boolean.getBoolean("hub.test.browser.required")) {
            assertThat(installed).as("Chromium and chromedriver (apt-get install chromium chromium-driver)").isTrue();
        }
        assumeTrue(installed, "Chromium is not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // the flags a root user needs in a container, and no calls to Google's services on a closed network
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1400,1200");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWrongKeyIsRefusedAndAClientKeyIsNotAnOperators() {
        browser.get("http://127.0.0.1:" + port + "/console");
        logIn("not-a-key");
        await().atMost(WAIT).until(() -> text("#login-error").contains("not valid"));
        logIn(HubClient.DEMO_KEY);
        await().atMost(WAIT).until(() -> text("#login-error").contains("not an operator"));
        assertThat(browser.findElement(By.id("app")).isDisplayed()).isFalse();
    }

    @Test
    void anOperatorReplaysADeadLetterAndSeesItDelivered() throws IOException {
        String dossier = Events.newDossierCode();
        PORTAL.rejectNext(1);
        HubClient.Reply accepted = hub.postEvent(Events.event(dossier, 2, 0));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().path("exchangeId").asText();
        await().atMost(WAIT).until(() -> "FAILED".equals(hub.state(id)));

        browser.get("http://127.0.0.1:" + port + "/console");
        logIn(HubClient.OPERATOR_KEY);
        By deadLetter = By.cssSelector("#dead-letters tr[data-id='" + id + "']");
        await().atMost(WAIT).until(() -> !browser.findElements(deadLetter).isEmpty());
        WebElement row = browser.findElement(deadLetter);
        assertThat(row.getText()).contains("portal.rejected", dossier);
        await().atMost(WAIT).until(() -> text("#flows").contains("dossier-sync")
                && text("#routes").contains("dossier-deliver") && !text("#flows").contains("NaN"));
        screenshot("console-dead-letter.png");

        // its timeline shows the rejection
        row.findElement(By.cssSelector("button.show")).click();
        await().atMost(WAIT).until(() -> text("#timeline-state").equals("FAILED"));

        browser.findElement(By.id("reason")).sendKeys("portal fixed the unit code");
        browser.findElement(deadLetter).findElement(By.cssSelector("button.replay")).click();
        await().atMost(WAIT).until(() -> text("#message").startsWith("Replayed 1"));

        // the console refreshes by itself: the dead letter goes, the timeline ends DELIVERED with the replay in it
        await().atMost(WAIT).until(() -> browser.findElements(deadLetter).isEmpty()
                && text("#timeline-state").equals("DELIVERED"));
        assertThat(text("#timeline")).contains("REPLAYED", "portal fixed the unit code", "DELIVERED");
        assertThat(hub.state(id)).isEqualTo("DELIVERED");

        // and the exchange search finds it by its dossier code
        browser.findElement(By.id("search-dossier")).sendKeys(dossier);
        browser.findElement(By.cssSelector("#search button[type=submit]")).click();
        await().atMost(WAIT).until(() -> text("#exchanges").contains(id) && text("#exchanges").contains("DELIVERED"));
        screenshot("console-replayed.png");
    }

    private void logIn(String key) {
        WebElement field = browser.findElement(By.id("login-key"));
        field.clear();
        field.sendKeys(key);
        browser.findElement(By.id("login-button")).click();
    }

    private String text(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().findFirst().map(WebElement::getText)
                .orElse("");
    }

    private void screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "console-screenshots"));
        Files.write(dir.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
