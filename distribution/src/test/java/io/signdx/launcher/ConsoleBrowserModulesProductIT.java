package io.signdx.launcher;

import static io.signdx.launcher.ConsoleBrowserSupport.ADMIN_PASSWORD;
import static io.signdx.launcher.ConsoleBrowserSupport.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Modules page in headless Chromium against the running product: switching off the detector of a
 * sign-in's primary scenario changes its diagnosis, and the example partner bundle uploaded through the
 * page adds its finding — both without a restart.
 */
class ConsoleBrowserModulesProductIT extends ConsoleBrowserTest {
    private static final String PARTNER_SCENARIO = "partner.example.expense-access";
    private static final Set<String> NOT_SPECIFIC = Set.of("none", "error-code.insight");

    @Test
    void switchingOffTheDetectorOfThePrimaryScenarioChangesTheDiagnosis() throws Exception {
        String id = failedSignInWithSpecificScenario();
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signin/" + id);
        String scenario = primaryScenario();
        assertTrue(!NOT_SPECIFIC.contains(scenario), scenario);

        console.open("/modules");
        console.screenshot("modules");
        clickSwitch(scenario, "Disable");
        console.wait.until(d -> stateOf(scenario).equals("disabled"));

        console.open("/signin/" + id);
        String without = primaryScenario();
        assertNotEquals(scenario, without, "without its detector the sign-in gets another primary scenario");
        assertTrue(console.driver.findElements(By.cssSelector("[data-scenario='" + scenario + "']")).isEmpty(),
                "and no finding of the switched-off scenario");

        console.open("/modules");
        clickSwitch(scenario, "Enable");
        console.wait.until(d -> stateOf(scenario).equals("active"));
        console.open("/signin/" + id);
        assertEquals(scenario, primaryScenario(), "switched on again, the diagnosis is the first one");
    }

    @Test
    void uploadingThePartnerBundleAddsItsFindingAndUninstallingRemovesIt() throws Exception {
        Path jar = Path.of(System.getProperty("signdx.example.jar"));
        assertTrue(Files.isRegularFile(jar), "the example partner bundle is built: " + jar);
        String id = null;
        for (JsonNode s : console.api("/api/signins?q=" + q("Contoso Expenses") + "&status=failure&limit=50").path("items")) {
            if (s.path("errorCode").asInt() == 50105) {
                id = s.path("id").asText();
                break;
            }
        }
        assertTrue(id != null, "the demo has Contoso Expenses sign-ins refused for a missing assignment");
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signin/" + id);
        assertTrue(partnerFindings().isEmpty(), "no partner finding before the bundle is installed");

        console.open("/modules");
        console.driver.findElement(By.id("bundle-file")).sendKeys(jar.toRealPath().toString());
        console.driver.findElement(By.id("bundle-upload")).click();
        WebElement status = console.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#modules-status .msg-ok, #modules-status .msg-error")));
        assertTrue(status.getText().startsWith("Installed"), status.getText());
        console.await("the partner detector is active", Duration.ofSeconds(30), () -> {
            console.open("/modules");
            return stateOf(PARTNER_SCENARIO).equals("active");
        });

        console.open("/signin/" + id);
        assertEquals(1, partnerFindings().size(), "the partner's finding is in the diagnosis");
        String page = console.driver.findElement(By.cssSelector("main .page")).getText();
        assertTrue(page.contains("Contoso Expenses access"), "its title: " + page);
        assertTrue(page.contains("not-assigned"), "its classification: " + page);
        assertTrue(page.contains("is not assigned to Contoso Expenses"), "its assessment: " + page);

        console.open("/modules");
        WebElement row = console.driver.findElement(By.cssSelector("#bundles-table tr[data-bundle='io.signdx.example.partner']"));
        row.findElement(By.xpath(".//button[text()='Uninstall']")).click();
        console.wait.until(ExpectedConditions.alertIsPresent()).accept();
        console.wait.until(d -> d.findElements(By.cssSelector("#bundles-table tr[data-bundle='io.signdx.example.partner']")).isEmpty());
        console.open("/signin/" + id);
        assertTrue(partnerFindings().isEmpty(), "uninstalled, the finding is gone");
    }

    private static String failedSignInWithSpecificScenario() throws Exception {
        for (JsonNode s : console.api("/api/signins?status=failure&limit=100").path("items")) {
            String id = s.path("id").asText();
            JsonNode d = console.api("/api/signins/" + q(id) + "/diagnosis");
            if (!NOT_SPECIFIC.contains(d.path("scenario").asText()) && !d.path("scenario").asText().startsWith("partner.")) {
                return id;
            }
        }
        throw new AssertionError("no failed demo sign-in with a specific scenario among the first 100");
    }

    private static String primaryScenario() {
        return console.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("primary-scenario"))).getText();
    }

    private static List<WebElement> partnerFindings() {
        return console.driver.findElements(By.cssSelector(".finding[data-scenario='" + PARTNER_SCENARIO + "']"));
    }

    private static WebElement detectorRow(String scenario) {
        return console.driver.findElement(By.cssSelector("#detectors-table tr[data-scenario='" + scenario + "']"));
    }

    private static String stateOf(String scenario) {
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#detectors-table tr[data-scenario='" + scenario + "']"));
        return rows.isEmpty() ? "" : rows.get(0).findElement(By.cssSelector("td.state")).getText();
    }

    private static void clickSwitch(String scenario, String label) {
        WebElement button = detectorRow(scenario).findElement(By.cssSelector("button[data-scenario]"));
        assertEquals(label, button.getText());
        button.click();
        console.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#modules-status .msg-ok, #modules-status .msg-error")));
        String message = console.driver.findElement(By.id("modules-status")).getText();
        assertTrue(message.startsWith(label + "d " + scenario), message);
    }
}
