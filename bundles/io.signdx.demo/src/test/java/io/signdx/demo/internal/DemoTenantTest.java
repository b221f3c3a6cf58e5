package io.signdx.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.ingest.SignInStore;
import io.signdx.api.ingest.StoreResult;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;
import io.signdx.source.file.internal.FileSignInReader;
import io.signdx.tenant.internal.SnapshotLoader;
import io.signdx.tenant.internal.SnapshotStore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTenantTest {
    private static final DemoTenant TENANT = new DemoTenant(DemoTenant.SEED);

    @TempDir
    Path dir;

    private static long count(Predicate<SignIn> p) {
        return TENANT.signIns.stream().filter(p).count();
    }

    @Test
    void aWeekOfAtLeastFiveThousandSignInsReproducibleFromItsSeed() {
        List<SignIn> s = TENANT.signIns;
        assertTrue(s.size() >= 5000, "sign-ins: " + s.size());
        Duration span = Duration.between(s.get(0).createdDateTime(), s.get(s.size() - 1).createdDateTime());
        assertTrue(span.toDays() >= 6 && span.toDays() < 7, "spread over the week: " + span);
        List<String> again = new DemoTenant(DemoTenant.SEED).signIns.stream().map(GraphJson::toJson).toList();
        assertEquals(s.stream().map(GraphJson::toJson).toList(), again, "the same seed gives the same tenant");
        assertNotEquals(s.get(100).id(), new DemoTenant(DemoTenant.SEED + 1).signIns.get(100).id());
        assertEquals(s.size(), s.stream().map(SignIn::id).distinct().count(), "request ids are unique");
    }

    @Test
    void everyScenarioOfTheDesignHappensSeveralTimes() {
        Map<String, Predicate<SignIn>> scenarios = Map.ofEntries(
                Map.entry("ca.blocked / legacy.blocked", x -> x.errorCode() == 53003 && x.clientApp().isLegacy()),
                Map.entry("risk.blocked", x -> x.errorCode() == 53003 && x.risk().riskLevelDuringSignIn().name()
                        .equals("HIGH")),
                Map.entry("ca.failed (device)", x -> x.errorCode() == 53000 && !x.userType().name().equals("GUEST")),
                Map.entry("ca.failed (frequency)", x -> x.errorCode() == 70044),
                Map.entry("ca.mfa", x -> (x.errorCode() == 50074 || x.errorCode() == 50076)
                        && x.hasRequirementProvider("multiConditionalAccess")),
                Map.entry("ca.b2b-blocked", x -> x.userType().name().equals("GUEST")
                        && (x.errorCode() == 53000 || x.errorCode() == 500213)),
                Map.entry("mfa.other-requirement", x -> x.errorCode() == 50076 && x.hasRequirementProvider("user")),
                Map.entry("mfa.proofup-required", x -> x.errorCode() == 50079),
                Map.entry("mfa.proofup-risky-location", x -> x.errorCode() == 53004),
                Map.entry("mfa.not-completed", x -> x.errorCode() == 500121),
                Map.entry("mfa.security-defaults", x -> x.errorCode() == 530035),
                Map.entry("credentials.success", x -> x.errorCode() == 0),
                Map.entry("credentials.account-locked (lockout)", x -> x.errorCode() == 50053
                        && x.status().failureReason().contains("locked")),
                Map.entry("credentials.account-locked (malicious IP)", x -> x.errorCode() == 50053
                        && x.status().failureReason().contains("malicious")),
                Map.entry("credentials.invalid-password", x -> x.errorCode() == 50126),
                Map.entry("credentials.incomplete", x -> x.errorCode() == 50058 || x.errorCode() == 90025),
                Map.entry("apps.service-provider", x -> x.errorCode() == 75011 || x.errorCode() == 750054),
                Map.entry("apps.configuration", x -> List.of(50011, 50105, 65001, 700016, 7000215, 7000222)
                        .contains(x.errorCode())),
                Map.entry("legacy exposure (successful legacy)", x -> x.errorCode() == 0 && x.clientApp().isLegacy()),
                Map.entry("pta.failure", x -> x.errorCode() >= 80001 && x.errorCode() <= 80014),
                Map.entry("sso.failure", x -> x.errorCode() >= 81001 && x.errorCode() <= 81013));
        for (Map.Entry<String, Predicate<SignIn>> e : scenarios.entrySet()) {
            assertTrue(count(e.getValue()) >= 3, e.getKey() + " happens " + count(e.getValue()) + " times");
        }
    }

    @Test
    void thePasswordPatternsAreThereAndDistinguishable() {
        Map<String, Long> accountsPerIp = TENANT.signIns.stream().filter(x -> x.errorCode() == 50126)
                .collect(Collectors.groupingBy(SignIn::ipAddress, Collectors.mapping(SignIn::userPrincipalName,
                        Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));
        assertTrue(accountsPerIp.values().stream().anyMatch(n -> n >= 40), "a spray: one IP, many accounts");
        Map<String, Long> ipsPerAccount = TENANT.signIns.stream().filter(x -> x.errorCode() == 50126)
                .collect(Collectors.groupingBy(SignIn::userPrincipalName, Collectors.mapping(SignIn::ipAddress,
                        Collectors.collectingAndThen(Collectors.toSet(), set -> (long) set.size()))));
        assertTrue(ipsPerAccount.values().stream().anyMatch(n -> n >= 10), "brute force: one account, many IPs");
        assertTrue(count(x -> x.errorCode() == 50126 && "Exchange ActiveSync".equals(x.clientAppUsed())) >= 100,
                "a stale credential retrying all week");
        assertEquals(3, count(SignIn::flaggedForReview), "three risky sign-ins were flagged by their users");
    }

    @Test
    void theFilesReadBackAsAGraphExportAndATenantSnapshot() throws Exception {
        TENANT.writeTo(dir);
        List<SignIn> read = new ArrayList<>();
        var report = new FileSignInReader().read(dir.resolve("signins.json"), true, read::add);
        assertEquals("Graph beta list response (JSON, 1 page)", report.format());
        assertEquals(TENANT.signIns.size(), read.size());
        assertEquals(GraphJson.toJson(TENANT.signIns.get(42)), GraphJson.toJson(read.get(42)));
        // Graph beta fields the Conditional Access evaluation reads: the transfer method and the user action
        for (int i = 0; i < read.size(); i++) {
            SignIn written = TENANT.signIns.get(i);
            assertEquals(written.originalTransferMethod(), read.get(i).originalTransferMethod(), written.id());
            assertEquals(written.authenticationContextClassReferences(),
                    read.get(i).authenticationContextClassReferences(), written.id());
        }
        List<SignIn> proofUp = TENANT.signIns.stream().filter(x -> x.errorCode() == 50079 || x.errorCode() == 53004)
                .toList();
        assertTrue(proofUp.size() >= 10, "MFA registration and risky proof-up sign-ins");
        assertTrue(proofUp.stream().allMatch(x -> x.authenticationContextClassReferences().stream()
                .anyMatch(c -> c.isUserAction() && c.id().equals("urn:user:registersecurityinfo"))),
                "proof-up is recorded as the user action of registering security information");
        assertTrue(TENANT.signIns.stream().filter(x -> x.userId() != null).allMatch(x -> x.originalTransferMethod() != null),
                "every user sign-in records how its session started");
        ObjectMapper json = new ObjectMapper();
        JsonNode policies = json.readTree(dir.resolve("tenant/policies.json").toFile()).path("value");
        assertEquals(DemoPolicies.ALL.size(), policies.size());
        JsonNode users = json.readTree(dir.resolve("tenant/users.json").toFile()).path("value");
        assertEquals(TENANT.directory.everyone().size(), users.size());
        assertTrue(users.get(0).path("transitiveMemberOf").size() > 0);
        for (String f : List.of("groups", "servicePrincipals", "namedLocations", "directoryRoles")) {
            assertTrue(json.readTree(dir.resolve("tenant/" + f + ".json").toFile()).path("value").size() > 0, f);
        }
        // the policy ids the sign-ins carry are the snapshot's policies
        List<String> ids = new ArrayList<>();
        policies.forEach(p -> ids.add(p.path("id").asText()));
        assertTrue(TENANT.signIns.stream().flatMap(x -> x.appliedConditionalAccessPolicies().stream())
                .allMatch(p -> ids.contains(p.id())));
    }

    @Test
    void theLoaderLoadsOnceIntoAnEmptyStoreOnly() throws Exception {
        List<SignIn> stored = new ArrayList<>();
        SignInStore store = new SignInStore() {
            @Override
            public StoreResult store(List<SignIn> batch) {
                stored.addAll(batch);
                return new StoreResult(batch.size(), 0);
            }

            @Override
            public long size() {
                return stored.size();
            }
        };
        Path folder = dir.resolve("data/demo");
        SnapshotStore snapshots = new SnapshotStore(dir.resolve("data/tenant"), new SnapshotLoader());
        assertTrue(DemoLoader.load(folder, store, snapshots));
        assertEquals(TENANT.signIns.size(), stored.size());
        SignIn first = stored.get(0);
        assertEquals(io.signdx.source.file.graph.GraphJson.toJson(TENANT.signIns.get(0)), first.raw(),
                "each stored demo sign-in carries its record as signins.json holds it");
        assertTrue(Files.exists(folder.resolve("tenant/policies.json")));
        stored.clear();
        assertFalse(DemoLoader.load(folder, store, snapshots), "never twice, even when the store was emptied");
        Files.delete(folder.resolve(DemoLoader.MARKER));
        stored.add(TENANT.signIns.get(0));
        assertFalse(DemoLoader.load(folder, store, snapshots), "never into a store that holds sign-ins");
    }
}
