package io.signdx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line of the built product, run as a user would: exit codes, persistence, messages. */
class CommandLineProductIT {
    static final String SCENARIO = "partner.example.expense-access";

    @TempDir
    Path home;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void unknownCommandsAndOptionsPrintUsageAndExitOne() throws Exception {
        ProductProcess.Result r = ProductProcess.run(Map.of(), "--home", home.toString(), "frobnicate");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("unknown command 'frobnicate'") && r.err().contains("usage: signdx"), r.err());
        assertEquals("", r.out(), "errors never go to stdout");

        assertEquals(1, ProductProcess.run(Map.of(), "--verbose", "modules").exitCode());
        ProductProcess.Result flag = ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "--colour");
        assertEquals(1, flag.exitCode());
        assertTrue(flag.err().contains("unknown option --colour"), flag.err());
        assertEquals(1, ProductProcess.run(Map.of(), "--home", home.toString(), "serve", "--port", "http").exitCode());

        ProductProcess.Result help = ProductProcess.run(Map.of(), "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("modules"), help.out());
    }

    @Test
    void disablingADetectorSurvivesARestartAndIsAudited() throws Exception {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(Path.of(System.getProperty("signdx.example.jar")), home.resolve("deploy/partner.jar"));
        assertEquals("ACTIVE", state());

        ProductProcess.Result off = ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "disable", SCENARIO);
        assertEquals(0, off.exitCode(), off.err());
        assertEquals("disabled " + SCENARIO + "\n", off.out());
        assertEquals("DISABLED", state(), "a new process (a restart) still has it disabled");
        assertTrue(Files.exists(home.resolve("conf/io.signdx.toggle-" + SCENARIO + ".cfg")));
        String audit = Files.readString(home.resolve("logs/audit.log"));
        assertTrue(audit.contains("\"actor\":\"cli:") && audit.contains("\"action\":\"module.disable\""), audit);

        assertEquals(0, ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "enable", SCENARIO).exitCode());
        assertEquals("ACTIVE", state());
        List<String> lines = Files.readAllLines(home.resolve("logs/audit.log"));
        assertEquals(2, lines.size(), "one line per change, no more: " + lines);

        ProductProcess.Result unknown = ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "disable",
                "no.such");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("no detector or bundle is named 'no.such'"), unknown.err());
    }

    @Test
    void aCorruptJarInDeployIsListedAsFailed() throws Exception {
        Path bad = home.resolve("deploy/broken.jar");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "garbage");
        Files.setLastModifiedTime(bad, FileTime.from(Instant.now().minusSeconds(60)));
        ProductProcess.Result r = ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "list", "--format",
                "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode failed = null;
        for (JsonNode m : json.readTree(r.out()).path("modules")) {
            if (m.path("state").asText().equals("FAILED")) {
                failed = m;
            }
        }
        assertTrue(failed != null && failed.path("problem").asText().startsWith("not a valid jar"), r.out());
    }

    @Test
    void aTooOldJavaGetsAClearMessage() throws Exception {
        Path fakeJdk = home.resolve("jdk11/bin");
        Files.createDirectories(fakeJdk);
        Path java = fakeJdk.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProductProcess.Result r = ProductProcess.run(Map.of("JAVA_HOME", home.resolve("jdk11").toString()), "modules");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("is Java 11.0.22; SignDx needs Java 17 or newer"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void diagnosesMicrosoftsSampleExportsAndNamesTheFileOfInvalidJson() throws Exception {
        Path samples = Path.of(System.getProperty("signdx.samples"));
        ProductProcess.Result r = ProductProcess.run(Map.of(), "--home", home.toString(), "diagnose", "--input",
                samples.resolve("graph-beta-signin-list-example.json").toString(),
                samples.resolve("azure-monitor-record-example.json").toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode out = json.readTree(r.out());
        JsonNode first = out.path("diagnoses").get(0);
        assertEquals("1691d37b-8579-43a7-966a-0f35583c1300", first.path("id").asText());
        assertEquals("credentials.invalid-password", first.path("scenario").asText(), "the credentials bundle owns 50126");
        JsonNode findings = first.path("findings");
        assertTrue(findings.get(0).path("assessment").asText().length() > 20);
        // a single failure with nothing around it: no burst to call a typo, a spray or a stale device
        assertEquals("unknown", findings.get(0).path("classification").asText());
        assertEquals("error-code.insight", findings.get(findings.size() - 1).path("scenario").asText(),
                "the catalogue's explanation stays listed, last");
        assertEquals(50140, out.path("diagnoses").get(1).path("signIn").path("errorCode").asInt());
        assertEquals("Graph beta list response (JSON, 1 page)", out.path("files").get(0).path("format").asText());

        ProductProcess.Result bad = ProductProcess.run(Map.of(), "--home", home.toString(), "diagnose", "--input",
                samples.resolve("graph-v1-signin-list-example.json").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("graph-v1-signin-list-example.json: invalid JSON at line 64"), bad.err());
        assertEquals(1, ProductProcess.run(Map.of(), "--home", home.toString(), "diagnose", "--input",
                home.resolve("missing.json").toString()).exitCode());
    }

    @Test
    void importsOnceSummarisesAndDiagnosesFromTheStore() throws Exception {
        Path samples = Path.of(System.getProperty("signdx.samples"));
        String beta = samples.resolve("graph-beta-signin-list-example.json").toString();
        String monitor = samples.resolve("azure-monitor-record-example.json").toString();
        ProductProcess.Result first = ProductProcess.run(Map.of(), "--home", home.toString(), "import", beta, monitor);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("total: 2 read, 2 stored, 0 already stored, 0 rejected"), first.out());
        ProductProcess.Result again = ProductProcess.run(Map.of(), "--home", home.toString(), "import", beta);
        assertTrue(again.out().contains("1 read, 0 stored, 1 already stored"), again.out());

        ProductProcess.Result bad = ProductProcess.run(Map.of(), "--home", home.toString(), "import",
                samples.resolve("graph-v1-signin-list-example.json").toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("invalid JSON at line 64") && bad.err().contains("nothing of this file was stored"),
                bad.err());

        ProductProcess.Result summary = ProductProcess.run(Map.of(), "--home", home.toString(), "summary", "--format",
                "json", "--timings");
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.err().contains("timings: 2 sign-ins; ") && summary.err().contains(" in all "),
                summary.err());
        JsonNode counts = json.readTree(summary.out());
        assertEquals(2, counts.path("signIns").asInt());
        assertEquals(1, counts.path("errorCode").path("50126").asInt());
        assertEquals(1, counts.path("errorCode").path("50140").asInt());
        // the wrong password is the credentials bundle's; the interrupt no scenario claims falls to the catalogue
        assertEquals(1, counts.path("scenario").path("credentials.invalid-password").asInt());
        assertEquals(1, counts.path("scenario").path("error-code.insight").asInt());

        ProductProcess.Result diagnosis = ProductProcess.run(Map.of(), "--home", home.toString(), "diagnose", "--user",
                "TESTACCOUNT1@contoso.com", "--format", "json");
        assertEquals(0, diagnosis.exitCode(), diagnosis.err());
        JsonNode diagnoses = json.readTree(diagnosis.out()).path("diagnoses");
        assertEquals(1, diagnoses.size());
        assertEquals("1691d37b-8579-43a7-966a-0f35583c1300", diagnoses.get(0).path("id").asText());
        assertEquals(1, ProductProcess.run(Map.of(), "--home", home.toString(), "diagnose").exitCode(),
                "an unscoped diagnose of the whole store is refused with a hint");
    }

    @Test
    void explainsAnErrorCodeWithOrWithoutThePrefix() throws Exception {
        ProductProcess.Result r = ProductProcess.run(Map.of(), "--home", home.toString(), "explain", "AADSTS50126");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("50126") && r.out().contains("InvalidUserNameOrPassword"), r.out());
        assertEquals(r.out(), ProductProcess.run(Map.of(), "--home", home.toString(), "explain", "50126").out());
        assertEquals(1, ProductProcess.run(Map.of(), "--home", home.toString(), "explain", "banana").exitCode());
    }

    /** The launcher picks the throughput collector for commands that read whole files, unless told otherwise. */
    @Test
    void fileCommandsRunOnTheThroughputCollectorUnlessTheUserChoosesOne() throws Exception {
        Map<String, String> flags = Map.of("SIGNDX_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        ProductProcess.Result explain = ProductProcess.run(flags, "--home", home.toString(), "explain", "50126");
        assertEquals(0, explain.exitCode(), explain.err());
        assertTrue(!explain.out().contains("-XX:+UseParallelGC"), explain.out());
        ProductProcess.Result summary = ProductProcess.run(flags, "--home", home.toString(), "summary");
        assertEquals(0, summary.exitCode(), summary.err());
        assertTrue(summary.out().contains("-XX:+UseParallelGC"), summary.out());
        ProductProcess.Result chosen = ProductProcess.run(Map.of("SIGNDX_JAVA_OPTS",
                "-XX:+PrintCommandLineFlags -XX:+UseSerialGC"), "--home", home.toString(), "summary");
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertTrue(chosen.out().contains("-XX:+UseSerialGC") && !chosen.out().contains("-XX:+UseParallelGC"),
                chosen.out());
    }

    private String state() throws Exception {
        ProductProcess.Result r = ProductProcess.run(Map.of(), "--home", home.toString(), "modules", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        for (JsonNode d : json.readTree(r.out()).path("detectors")) {
            if (d.path("scenario").asText().equals(SCENARIO)) {
                return d.path("state").asText();
            }
        }
        return "absent";
    }
}
