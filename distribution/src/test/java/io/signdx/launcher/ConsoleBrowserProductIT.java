package io.signdx.launcher;

import static io.signdx.launcher.ConsoleBrowserSupport.ADMIN_PASSWORD;
import static io.signdx.launcher.ConsoleBrowserSupport.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium against the running product with its demo tenant: login, search →
 * select → diagnosis, the column chooser, the overview, What If, lint and data pages, and sign-in
 * values that hold markup shown as text.
 */
class ConsoleBrowserProductIT extends ConsoleBrowserTest {
    private static final String DEMO_USER = "farid.fischer@northwind.example";
    private static final String SCRIPT_PAYLOAD = "<script>window.__xss=1</script>";
    private static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__xss=1\">";

    @Test
    void loginRefusesABadPasswordAndLandsInTheAppWithTheGoodOne() throws Exception {
        console.driver.manage().deleteAllCookies();
        console.driver.get(console.base + "/ui/");
        console.wait.until(d -> d.getCurrentUrl().contains("/ui/login.html"));
        console.wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
        console.screenshot("login");

        console.driver.findElement(By.id("username")).sendKeys("admin");
        console.driver.findElement(By.id("password")).sendKeys("not-the-password");
        console.driver.findElement(By.id("login-submit")).click();
        WebElement error = console.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertEquals("Wrong user name or password.", error.getText());
        assertTrue(console.driver.getCurrentUrl().contains("login.html"), "still on the login page");
        console.driver.manage().logs().get("browser"); // the refused login's 401 is expected: drop it

        console.login("admin", ADMIN_PASSWORD);
        assertEquals("admin", console.driver.findElement(By.id("who-role")).getText());
        assertTrue(console.driver.findElement(By.cssSelector(".nav a[data-nav=access]")).isDisplayed(), "admins see Access");

        console.driver.findElement(By.id("logout")).click();
        console.wait.until(d -> d.getCurrentUrl().contains("/ui/login.html"));
        console.driver.get(console.base + "/ui/");
        console.wait.until(d -> d.getCurrentUrl().contains("/ui/login.html"));
        console.driver.manage().logs().get("browser"); // the 401 of the signed-out session check
    }

    @Test
    void searchSelectAndReviewAFailedSignIn() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signins");
        WebElement search = console.driver.findElement(By.name("q"));
        search.sendKeys(DEMO_USER);
        new Select(console.driver.findElement(By.name("status"))).selectByValue("failure");
        console.markPage();
        console.driver.findElement(By.cssSelector("form.search button[type=submit]")).click();
        console.waitForPage();
        assertTrue(console.driver.getCurrentUrl().contains("q=" + q(DEMO_USER)), "the search is in the address");
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#signins-table tbody tr"));
        assertFalse(rows.isEmpty(), "the demo user has failed sign-ins");
        for (WebElement row : rows) {
            assertEquals("failure", row.findElement(By.cssSelector("td.status")).getText(), "status filter");
            assertTrue(row.getText().contains(DEMO_USER), row.getText());
        }

        String id = rows.get(0).getAttribute("data-id");
        console.markPage();
        rows.get(0).findElement(By.cssSelector("a.open")).click();
        console.waitForPage();
        assertTrue(console.driver.getCurrentUrl().endsWith("#/signin/" + id), console.driver.getCurrentUrl());

        JsonNode expected = console.api("/api/signins/" + q(id) + "/diagnosis");
        String scenario = console.driver.findElement(By.id("primary-scenario")).getText();
        assertEquals(expected.path("scenario").asText(), scenario);
        assertNotEquals("none", scenario, "a failed demo sign-in is recognised");
        JsonNode primary = primaryFinding(expected);
        assertEquals(primary.path("title").asText(), console.driver.findElement(By.id("diagnosis-title")).getText());
        String assessment = console.driver.findElement(By.id("assessment")).getText();
        assertFalse(assessment.isBlank());
        assertEquals(primary.path("assessment").asText().replaceAll("\\s+", " "), assessment.replaceAll("\\s+", " "));
        assertTrue(console.driver.findElement(By.id("support-details")).getText().contains(id), "support details name the request id");
        if (primary.path("recommendations").size() > 0) {
            assertFalse(console.driver.findElements(By.cssSelector(".primary-finding ol.recs .actor")).isEmpty(), "who acts");
        }
        for (WebElement link : console.driver.findElements(By.cssSelector("a.ext"))) {
            assertEquals("noopener noreferrer", link.getAttribute("rel"));
            assertTrue(link.getAttribute("href").startsWith("http"), link.getAttribute("href"));
        }
        WebElement raw = console.driver.findElement(By.id("raw-record"));
        // the demo's sign-ins are generated, not read from a file: the API has no original record for them
        By rawBody = console.api("/api/signins/" + q(id)).path("raw").isNull() ? By.id("raw-record-none") : By.id("raw-record-text");
        assertFalse(raw.findElement(rawBody).isDisplayed(), "the raw record starts collapsed");
        raw.findElement(By.tagName("summary")).click();
        assertTrue(raw.findElement(rawBody).isDisplayed());
        raw.findElement(By.tagName("summary")).click();
        console.screenshot("diagnosis");

        console.driver.findElement(By.cssSelector(".crumbs a")).click();
        console.wait.until(d -> d.getCurrentUrl().contains("q=" + q(DEMO_USER)));
    }

    @Test
    void aRequestIdFindsExactlyItsSignIn() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        String id = console.api("/api/signins?status=failure&limit=1").path("items").get(0).path("id").asText();
        console.open("/signins?q=" + q(id));
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#signins-table tbody tr"));
        assertEquals(1, rows.size());
        assertEquals(id, rows.get(0).getAttribute("data-id"));
    }

    @Test
    void aTimeLooksTwentyFourHoursEitherSide() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signins");
        console.driver.findElement(By.name("q")).sendKeys(DEMO_USER);
        // a datetime-local field types differently in every locale: set its value as the user's choice would
        console.js("arguments[0].value = '2026-11-17T12:00';", console.driver.findElement(By.name("at")));
        new Select(console.driver.findElement(By.name("window"))).selectByValue("48h");
        console.markPage();
        console.driver.findElement(By.cssSelector("form.search button[type=submit]")).click();
        console.waitForPage();
        assertTrue(console.driver.getCurrentUrl().contains("at=2026-11-17T12%3A00%3A00Z"), console.driver.getCurrentUrl());
        List<WebElement> times = console.driver.findElements(By.cssSelector("#signins-table tbody td.createdDateTime"));
        assertFalse(times.isEmpty(), "the demo user signed in around then");
        java.time.Instant at = java.time.Instant.parse("2026-11-17T12:00:00Z");
        for (WebElement t : times) {
            java.time.Instant when = java.time.Instant.parse(t.getText().replace(' ', 'T') + "Z");
            assertTrue(!when.isBefore(at.minusSeconds(86_400)) && !when.isAfter(at.plusSeconds(86_400)), t.getText());
        }
        JsonNode expected = console.api("/api/signins?q=" + q(DEMO_USER) + "&at=2026-11-17T12:00:00Z&window=48h&limit=50");
        assertEquals(expected.path("items").size(), times.size(), "what the API finds for the same search");
    }

    @Test
    void theColumnChooserIsRememberedForTheUser() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signins");
        assertTrue(headers().contains("IP address"));
        assertFalse(headers().contains("Request id"));
        console.driver.findElement(By.cssSelector("#column-chooser summary")).click();
        console.driver.findElement(By.id("col-ipAddress")).click();
        console.driver.findElement(By.id("col-id")).click();
        console.wait.until(d -> headers().contains("Request id") && !headers().contains("IP address"));
        console.await("the choice is stored", java.time.Duration.ofSeconds(10), () -> {
            try {
                String cols = console.api("/api/preferences").path("columns").toString();
                return cols.contains("\"id\"") && !cols.contains("ipAddress");
            } catch (Exception e) {
                return false;
            }
        });

        console.login("admin", ADMIN_PASSWORD); // a new session: the columns come from the server
        console.open("/signins");
        assertTrue(headers().contains("Request id"), headers().toString());
        assertFalse(headers().contains("IP address"), headers().toString());

        console.driver.findElement(By.cssSelector("#column-chooser summary")).click();
        console.driver.findElement(By.id("col-ipAddress")).click();
        console.driver.findElement(By.id("col-id")).click();
        console.wait.until(d -> !headers().contains("Request id") && headers().contains("IP address"));
    }

    @Test
    void sortsAndPagesTheSummary() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/signins");
        console.screenshot("signins", 1300);
        String count = console.driver.findElement(By.id("result-count")).getText();
        assertTrue(count.startsWith("Sign-ins 1–"), count);
        console.markPage();
        console.driver.findElement(By.id("page-next")).click();
        console.waitForPage();
        assertTrue(console.driver.getCurrentUrl().contains("offset="));
        String second = console.driver.findElement(By.id("result-count")).getText();
        assertFalse(second.startsWith("Sign-ins 1–"), second);
        assertEquals(count.substring(count.indexOf(" of ")), second.substring(second.indexOf(" of ")), "same total");

        console.markPage();
        console.driver.findElement(By.linkText("Application")).click();
        console.waitForPage();
        assertTrue(console.driver.getCurrentUrl().contains("sort=app") && !console.driver.getCurrentUrl().contains("offset="));
        // flagged sign-ins come first, each part sorted
        for (String part : List.of("tr.flagged", "tr:not(.flagged)")) {
            List<String> apps = console.driver.findElements(By.cssSelector("#signins-table tbody " + part + " td.appDisplayName"))
                    .stream().map(WebElement::getText).toList();
            assertEquals(apps.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), apps, "sorted by application");
        }
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#signins-table tbody tr"));
        int firstPlain = rows.indexOf(rows.stream().filter(r -> !r.getAttribute("class").contains("flagged")).findFirst().orElseThrow());
        assertTrue(rows.subList(firstPlain, rows.size()).stream().noneMatch(r -> r.getAttribute("class").contains("flagged")),
                "flagged sign-ins first");
    }

    @Test
    void overviewShowsTotalsTopListsAndTheTimeline() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        // the demo week (other tests import older public examples beside it)
        String week = "from=" + q("2026-11-16T00:00:00Z") + "&to=" + q("2026-11-23T00:00:00Z");
        console.open("/overview?" + week);
        console.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline canvas")));
        JsonNode overview = console.api("/api/overview?" + week);
        assertEquals(String.format("%,d", overview.path("total").asLong()),
                console.driver.findElement(By.cssSelector("#tile-total .tile-value")).getText());
        assertTrue(overview.path("total").asLong() > 5000, "the demo week");
        assertEquals("2026-11-16T00:00", console.driver.findElement(By.name("from")).getAttribute("value"), "the range in the form");
        assertFalse(console.driver.findElements(By.cssSelector("table.top tbody tr")).isEmpty());
        console.screenshot("overview");
    }

    @Test
    void aTenantSnapshotUploadedOnTheDataPageFeedsWhatIfAndPolicyLint() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/data");
        // the demo tenant's Graph-shaped files, as the first start wrote them
        Path tenant = home.resolve("product/data/demo/tenant");
        String files;
        try (var list = Files.list(tenant)) {
            files = list.filter(f -> f.toString().endsWith(".json")).map(f -> f.toAbsolutePath().normalize().toString()).sorted()
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
        assertFalse(files.isEmpty(), "the demo tenant files are in " + tenant);
        console.driver.findElement(By.id("tenant-files")).sendKeys(files);
        console.driver.findElement(By.id("tenant-upload")).click();
        console.wait.until(d -> !d.findElements(By.cssSelector("#tenant .msg-ok, #tenant-status .msg-error")).isEmpty());
        assertTrue(console.driver.findElements(By.cssSelector("#tenant-status .msg-error")).isEmpty(),
                () -> console.driver.findElement(By.id("tenant-status")).getText());
        assertTrue(console.api("/api/tenant").path("counts").path("policies").asInt() > 0, "the policies are loaded");
        assertTrue(console.driver.findElement(By.id("tenant-counts")).getText().contains("Policies\n" + console.api("/api/tenant").path("counts").path("policies").asInt()));

        // a public Graph example beside it, so that the page shows an import summary too
        Path sample = Path.of(System.getProperty("signdx.samples")).resolve("graph-beta-signin-list-example.json");
        console.driver.findElement(By.id("import-files")).sendKeys(sample.toRealPath().toString());
        console.driver.findElement(By.id("import-start")).click();
        WebElement summary = console.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertEquals("done", summary.getAttribute("data-state"), summary.getText());
        assertTrue(console.driver.findElement(By.id("import-files-table")).getText().contains("Graph beta list response"),
                "the format detected per file");
        console.screenshot("data");

        console.open("/whatif");
        console.driver.findElement(By.id("wi-user")).sendKeys(DEMO_USER);
        console.driver.findElement(By.id("wi-app")).sendKeys("00000002-0000-0ff1-ce00-000000000000");
        console.driver.findElement(By.name("ip")).sendKeys("198.51.100.30");
        console.driver.findElement(By.name("country")).sendKeys("US");
        new Select(console.driver.findElement(By.name("platform"))).selectByValue("windows");
        new Select(console.driver.findElement(By.name("clientApp"))).selectByValue("browser");
        new Select(console.driver.findElement(By.name("signInRisk"))).selectByValue("none");
        new Select(console.driver.findElement(By.name("userRisk"))).selectByValue("none");
        console.driver.findElement(By.id("whatif-run")).click();
        console.wait.until(d -> !d.findElements(By.cssSelector("#whatif-grant, #whatif-result .msg-error")).isEmpty());
        assertTrue(console.driver.findElements(By.cssSelector("#whatif-result .msg-error")).isEmpty(),
                () -> console.driver.findElement(By.id("whatif-result")).getText());
        assertFalse(console.driver.findElements(By.cssSelector("details.policy")).isEmpty(), "one block per policy");
        assertFalse(console.driver.findElements(By.cssSelector("details.policy table.conditions tbody tr")).isEmpty(),
                "per-condition verdicts");
        console.screenshot("whatif", 2200);

        console.open("/lint");
        assertTrue(console.driver.findElements(By.cssSelector(".page .msg-error")).isEmpty(),
                () -> console.driver.findElement(By.cssSelector(".page")).getText());
        console.screenshot("lint", 1600);
    }

    @Test
    void aFileThatIsNoExportIsRefusedWithItsReason() throws Exception {
        Path file = home.resolve("notes.txt");
        Files.writeString(file, "shopping list: milk, bread\n");
        console.login("admin", ADMIN_PASSWORD);
        console.open("/data");
        console.driver.findElement(By.id("import-files")).sendKeys(file.toRealPath().toString());
        console.driver.findElement(By.id("import-start")).click();
        WebElement summary = console.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertEquals("failed", summary.getAttribute("data-state"));
        String error = summary.findElement(By.cssSelector(".msg-error")).getText();
        assertTrue(error.contains("notes.txt") && error.contains("not a sign-in"), error);
    }

    @Test
    void markupInSignInValuesIsShownAsTextAndNeverRuns() throws Exception {
        String upn = "xss.tester@northwind.example";
        String reason = IMG_PAYLOAD + " " + SCRIPT_PAYLOAD;
        Map<String, Object> signIn = Map.ofEntries(
                Map.entry("id", "7d3c0a11-5e1f-4c3b-9d2a-00000000a551"),
                Map.entry("createdDateTime", "2026-11-18T09:00:00Z"),
                Map.entry("userDisplayName", SCRIPT_PAYLOAD),
                Map.entry("userPrincipalName", upn),
                Map.entry("userId", "0b9f2c1e-0000-4a5b-8c7d-00000000a551"),
                Map.entry("appDisplayName", IMG_PAYLOAD),
                Map.entry("appId", "3a1f7c2e-0000-4b6d-9e8f-00000000a551"),
                Map.entry("ipAddress", "203.0.113.66"),
                Map.entry("clientAppUsed", "Browser"),
                Map.entry("userAgent", SCRIPT_PAYLOAD + IMG_PAYLOAD),
                Map.entry("correlationId", "c0ffee00-0000-4000-8000-00000000a551"),
                Map.entry("conditionalAccessStatus", "notApplied"),
                Map.entry("isInteractive", true),
                Map.entry("status", Map.of("errorCode", 50126, "failureReason", reason,
                        "additionalDetails", IMG_PAYLOAD)),
                Map.entry("deviceDetail", Map.of("operatingSystem", IMG_PAYLOAD, "browser", SCRIPT_PAYLOAD)),
                Map.entry("location", Map.of("city", SCRIPT_PAYLOAD, "countryOrRegion", "DE")));
        Path file = home.resolve("xss-signins.json");
        Files.writeString(file, new ObjectMapper().writeValueAsString(Map.of(
                "@odata.context", "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns", "value", List.of(signIn))));

        console.login("admin", ADMIN_PASSWORD);
        console.open("/data");
        console.driver.findElement(By.id("import-files")).sendKeys(file.toRealPath().toString());
        console.driver.findElement(By.id("import-start")).click();
        WebElement summary = console.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-summary")));
        assertEquals("done", summary.getAttribute("data-state"), summary.getText());
        assertTrue(summary.getText().contains("Read\n1"), summary.getText());
        assertTrue(summary.getText().contains("Stored\n1"), summary.getText());
        assertFalse(console.driver.findElements(By.id("tenant-counts")).isEmpty(), "the tenant snapshot is described");
        assertNoScriptRan();

        console.open("/signins?q=" + q(upn));
        List<WebElement> rows = console.driver.findElements(By.cssSelector("#signins-table tbody tr"));
        assertEquals(1, rows.size());
        WebElement row = rows.get(0);
        assertEquals(SCRIPT_PAYLOAD, row.findElement(By.cssSelector("td.userDisplayName")).getText());
        assertEquals(IMG_PAYLOAD, row.findElement(By.cssSelector("td.appDisplayName")).getText());
        assertEquals(reason, row.findElement(By.cssSelector("td.failureReason")).getText());
        assertNoScriptRan();

        console.markPage();
        row.findElement(By.cssSelector("a.open")).click();
        console.waitForPage();
        String summaryText = console.driver.findElement(By.id("signin-summary")).getText();
        assertTrue(summaryText.contains(SCRIPT_PAYLOAD), summaryText);
        assertTrue(summaryText.contains(IMG_PAYLOAD), summaryText);
        assertTrue(summaryText.contains(reason), summaryText);
        assertTrue(summaryText.contains(SCRIPT_PAYLOAD + IMG_PAYLOAD), "the user agent: " + summaryText);
        console.driver.findElement(By.cssSelector("#raw-record summary")).click();
        String raw = console.driver.findElement(By.id("raw-record-text")).getText();
        assertTrue(raw.contains("window.__xss=1"), raw);
        assertNoScriptRan();
    }

    @Test
    void adminsManageAccessAndAReaderSeesOnlyWhatAReaderMayDo() throws Exception {
        console.login("admin", ADMIN_PASSWORD);
        console.open("/access");
        console.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users table")));
        WebElement users = console.driver.findElement(By.id("users"));
        users.findElement(By.name("username")).sendKeys("helpdesk");
        new Select(users.findElement(By.name("role"))).selectByValue("reader");
        users.findElement(By.name("password")).sendKeys("reader-Pass-42");
        users.findElement(By.cssSelector("button[type=submit]")).click();
        console.wait.until(d -> d.findElement(By.id("users")).getText().contains("helpdesk"));

        WebElement tokens = console.driver.findElement(By.id("tokens"));
        tokens.findElement(By.name("name")).sendKeys("nightly-export");
        tokens.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement secret = console.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#token-secret code.secret")));
        String token = secret.getText();
        assertTrue(token.length() >= 20, "the new token is shown once: " + token);
        console.wait.until(d -> d.findElement(By.id("tokens")).getText().contains("nightly-export"));
        console.wait.until(d -> d.findElement(By.id("audit")).getText().contains("helpdesk"));
        console.screenshot("access");
        console.open("/access");
        assertFalse(console.driver.findElement(By.id("tokens")).getText().contains(token), "never shown again");

        console.login("helpdesk", "reader-Pass-42");
        assertEquals("reader", console.driver.findElement(By.id("who-role")).getText());
        assertFalse(console.driver.findElement(By.cssSelector(".nav a[data-nav=access]")).isDisplayed(), "no Access for readers");
        console.open("/modules");
        assertFalse(console.driver.findElements(By.cssSelector("#detectors-table tbody tr")).isEmpty(), "readers see the modules");
        assertTrue(console.driver.findElements(By.cssSelector("#detectors-table button, #bundle-form")).isEmpty(),
                "but cannot switch, install or uninstall");
        console.open("/data");
        assertTrue(console.driver.findElements(By.cssSelector("#import-form, #tenant-form")).isEmpty(), "nor import");
        console.open("/signins");
        assertFalse(console.driver.findElements(By.cssSelector("#signins-table tbody tr")).isEmpty(), "readers search");
        console.driver.manage().logs().get("browser");
    }

    private static void assertNoScriptRan() {
        assertEquals("undefined", console.js("return typeof window.__xss;"));
        assertEquals(0L, console.js("return Array.from(document.images).filter(i => i.getAttribute('src') === 'x').length;"));
        assertEquals(0L, console.js("return Array.from(document.scripts).filter(s => !s.src).length;"), "no inline script");
        assertThrows(NoAlertPresentException.class, () -> console.driver.switchTo().alert());
    }

    private static List<String> headers() {
        return console.driver.findElements(By.cssSelector("#signins-table thead th")).stream().map(WebElement::getText)
                .map(t -> t.replace(" ▼", "").replace(" ▲", "")).toList();
    }

    static JsonNode primaryFinding(JsonNode diagnosis) {
        for (JsonNode f : diagnosis.path("findings")) {
            if (f.path("scenario").asText().equals(diagnosis.path("scenario").asText()) && !f.path("detectorFailure").asBoolean()) {
                return f;
            }
        }
        throw new AssertionError("no finding for the primary scenario in " + diagnosis);
    }
}
