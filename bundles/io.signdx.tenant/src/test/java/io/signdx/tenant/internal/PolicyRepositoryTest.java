package io.signdx.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantLoader.Snapshot;
import io.signdx.api.tenant.TenantPart;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 59 public policy templates of AlexFilipin/ConditionalAccess (see the README beside them): one policy
 * per file, no ids, placeholders where a tenant's group ids go. The expected values below were read from the
 * files themselves.
 */
class PolicyRepositoryTest {
    static final Path REPOSITORY = Path.of("src/test/resources/AlexFilipin-ConditionalAccess/PolicyRepository");
    private static Snapshot snapshot;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        snapshot = new SnapshotLoader().load(List.of(REPOSITORY));
    }

    static ConditionalAccessPolicy policy(Snapshot s, String number) {
        List<ConditionalAccessPolicy> found = s.tenant().policies().stream()
                .filter(p -> p.displayName().startsWith(number + " - ")).toList();
        assertEquals(1, found.size(), "one policy numbered " + number);
        return found.get(0);
    }

    private static ConditionalAccessPolicy policy(String number) {
        return policy(snapshot, number);
    }

    @Test
    void theFolderLoadsAsFiftyNinePoliciesOnePerFile() {
        assertEquals(59, snapshot.tenant().policies().size());
        assertEquals(59, snapshot.files().size());
        assertTrue(snapshot.files().contains("Admin protection/100 - RING - Admin protection - All apps Require Strong "
                + "Auth For admins.json: 1 conditional access policy (UTF-8)"), snapshot.files().get(0));
        assertEquals(List.of(TenantPart.CONDITIONAL_ACCESS_POLICIES), List.copyOf(snapshot.tenant().parts()));
        assertEquals(List.of(TenantPart.NAMED_LOCATIONS, TenantPart.USERS, TenantPart.GROUPS,
                TenantPart.SERVICE_PRINCIPALS, TenantPart.SECURITY_DEFAULTS, TenantPart.PER_USER_MFA), snapshot.missing());
        assertTrue(snapshot.tenant().policies().stream().allMatch(p -> p.id() == null && p.reportOnly()));
        assertEquals("Admin protection/100 - RING - Admin protection - All apps Require Strong Auth For admins.json",
                policy("100").origin());
        assertEquals(snapshot.warnings(), snapshot.tenant().warnings());
    }

    @Test
    void placeholdersLoadWithAWarningNamingFilePolicyAndField() {
        String expected = "Admin protection/100 - RING - Admin protection - All apps Require Strong Auth For admins.json: "
                + "policy \"100 - <RING> - Admin protection - All apps: Require Strong Auth For admins\": "
                + "conditions.users.excludeGroups holds placeholders instead of ids: \"<ExclusionTempGroup>\", "
                + "\"<ExclusionPermGroup>\", \"<EmergencyAccessAccountsGroup>\", \"<SynchronizationServiceAccountsGroup>\"";
        assertTrue(snapshot.warnings().contains(expected), String.join("\n", snapshot.warnings()));
        assertTrue(snapshot.warnings().stream().anyMatch(w -> w.startsWith("Admin protection/100 ")
                && w.endsWith("conditions.users.includeGroups holds a placeholder instead of an id: \"<AdministratorGroup>\"")));
        assertTrue(snapshot.warnings().stream().anyMatch(w -> w.contains("\"210 - <RING>")
                && w.endsWith("grantControls.termsOfUse holds a value that is not an id (GUID): \"ToU\"")));
        long placeholderWarnings = snapshot.warnings().stream().filter(w -> w.contains("placeholder")).count();
        assertTrue(placeholderWarnings >= 57, "almost every template excludes placeholder groups: " + placeholderWarnings);
        // the values stay as recorded, so an evaluator shows them
        assertEquals(List.of("<AdministratorGroup>"), policy("100").conditions().users().includeGroups());
        assertTrue(snapshot.warnings().stream().anyMatch(w -> w.startsWith("59 policies have no id")));
    }

    @Test
    void fieldsOutsideTheModelAreNamed() {
        assertTrue(snapshot.warnings().stream().anyMatch(w -> w.contains("\"802 - <RING>")
                && w.endsWith("conditions.applications.networkAccess, conditions.applications.globalSecureAccess, "
                        + "sessionControls.networkAccessSecurity, sessionControls.globalSecureAccessFilteringProfile "
                        + "are not part of SignDx's policy model and cannot be evaluated")), String.join("\n",
                                snapshot.warnings()));
        ConditionalAccessPolicy p802 = policy("802");
        assertTrue(p802.conditions().applications().includeApplications().isEmpty());
        assertNull(p802.grantControls(), "an empty grant requires nothing");
        assertNull(p802.sessionControls());
    }

    @Test
    void grantControlsAreMapped() {
        ConditionalAccessPolicy p100 = policy("100");
        assertEquals("OR", p100.grantControls().operator());
        assertEquals(List.of(), p100.grantControls().builtInControls());
        assertEquals("00000000-0000-0000-0000-000000000004", p100.grantControls().authenticationStrength().id());
        assertEquals(108, p100.conditions().users().includeRoles().size());
        assertEquals(List.of("compliantDevice", "domainJoinedDevice"), policy("101").grantControls().builtInControls());
        ConditionalAccessPolicy p206 = policy("206");
        assertEquals("AND", p206.grantControls().operator());
        assertTrue(p206.grantControls().requiresAll());
        assertEquals(List.of("mfa", "passwordChange"), p206.grantControls().builtInControls());
        assertTrue(policy("205").blocks());
        ConditionalAccessPolicy p208 = policy("208");
        assertEquals(List.of("compliantDevice", "domainJoinedDevice"), p208.grantControls().builtInControls());
        assertEquals("00000000-0000-0000-0000-000000000004", p208.grantControls().authenticationStrength().id());
        assertEquals(List.of("ToU"), policy("210").grantControls().termsOfUse());
        assertEquals(List.of("compliantApplication", "approvedApplication"), policy("502").grantControls()
                .builtInControls());
    }

    @Test
    void conditionsAreMapped() {
        PolicyConditions c102 = policy("102").conditions();
        assertEquals(List.of("All"), c102.locations().include());
        assertEquals(List.of("AllTrusted"), c102.locations().exclude());
        assertEquals(List.of("browser", "mobileAppsAndDesktopClients"), c102.clientAppTypes());
        assertEquals(List.of("other"), policy("300").conditions().clientAppTypes());
        assertEquals(List.of("exchangeActiveSync"), policy("301").conditions().clientAppTypes());
        assertEquals(List.of("All"), policy("206").conditions().clientAppTypes(), "kept as recorded");
        assertEquals(List.of("high", "medium", "low"), policy("103").conditions().signInRiskLevels());
        assertNull(policy("100").conditions().signInRiskLevels(), "[] means not configured");
        assertEquals(List.of("high"), policy("206").conditions().userRiskLevels());
        assertEquals(List.of("high", "medium", "low"), policy("701").conditions().servicePrincipalRiskLevels());
        assertEquals(List.of("ServicePrincipalsInMyTenant"), policy("701").conditions().clientApplications()
                .includeServicePrincipals());
        assertEquals(List.of("None"), policy("701").conditions().users().includeUsers());
        assertNull(policy("701").conditions().locations(), "\"locations\": [] is not configured");
        assertEquals(List.of("elevated"), policy("601").conditions().insiderRiskLevels());
        assertEquals(List.of("moderate"), policy("602").conditions().insiderRiskLevels());
        assertEquals(List.of("authenticationTransfer"), policy("306").conditions().authenticationFlowTransferMethods());
        assertEquals(List.of("deviceCodeFlow"), policy("307").conditions().authenticationFlowTransferMethods());
        PolicyConditions c302 = policy("302").conditions();
        assertEquals(List.of("all"), c302.platforms().include());
        assertEquals(List.of("android", "iOS", "windows", "macOS"), c302.platforms().exclude());
        assertEquals(List.of("android", "iOS"), policy("503").conditions().platforms().include());
        assertEquals(List.of("Office365"), policy("503").conditions().applications().includeApplications());
        assertEquals(List.of("urn:user:registersecurityinfo"), policy("201").conditions().applications()
                .includeUserActions());
        assertEquals(List.of("797f4846-ba00-4fd7-ba43-dac1f8f63013", "MicrosoftAdminPortals"), policy("104")
                .conditions().applications().includeApplications());
        assertEquals(List.of("GuestsOrExternalUsers"), policy("107").conditions().users().excludeUsers());
        PolicyConditions.GuestsOrExternalUsers guests = policy("210").conditions().users().includeGuestsOrExternalUsers();
        assertEquals(List.of("internalGuest", "b2bCollaborationGuest", "b2bCollaborationMember", "b2bDirectConnectUser",
                "otherExternalUser", "serviceProvider"), guests.guestOrExternalUserTypes());
        assertEquals("all", guests.membershipKind());
        PolicyConditions.Filter filter = policy("500").conditions().devices();
        assertEquals("exclude", filter.mode());
        assertEquals("device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"", filter.rule());
        assertEquals(List.of("3d46dbda-8382-466a-856d-eb00cbc6b910"), policy("800").conditions().locations().exclude());
    }

    @Test
    void sessionControlsAreMapped() {
        assertEquals("never", policy("500").sessionControls().persistentBrowserMode());
        assertNull(policy("500").grantControls());
        var frequency = policy("501").sessionControls().signInFrequency();
        assertEquals(12, frequency.value());
        assertEquals("hours", frequency.type());
        assertEquals("every 12 hours", frequency.describe());
        assertEquals(1, policy("509").sessionControls().signInFrequency().value());
        assertEquals(Boolean.TRUE, policy("505").sessionControls().applicationEnforcedRestrictions());
        assertEquals("monitorOnly", policy("403").sessionControls().cloudAppSecurityType());
        assertEquals("blockDownloads", policy("404").sessionControls().cloudAppSecurityType());
        assertEquals("mcasConfigured", policy("405").sessionControls().cloudAppSecurityType());
        // 209 has "sessionControls" twice, null first: the later one counts, as in every JSON reader
        assertEquals(Boolean.TRUE, policy("209").sessionControls().secureSignInSession());
        assertEquals(List.of("windows"), policy("209").conditions().platforms().include());
        assertNull(policy("100").sessionControls());
    }

    @Test
    void utf16WithBomAndCrlfAndGzipCopiesLoadAlike() throws Exception {
        Path utf16 = dir.resolve("utf16");
        Path gzip = dir.resolve("gzip");
        List<Path> files;
        try (Stream<Path> s = Files.walk(REPOSITORY)) {
            files = s.filter(f -> f.toString().endsWith(".json")).toList();
        }
        for (Path f : files) {
            String relative = REPOSITORY.relativize(f).toString();
            String text = Files.readString(f).replace("\r\n", "\n").replace("\n", "\r\n");
            Path u = utf16.resolve(relative);
            Files.createDirectories(u.getParent());
            byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
            byte[] withBom = new byte[body.length + 2];
            withBom[0] = (byte) 0xff;
            withBom[1] = (byte) 0xfe;
            System.arraycopy(body, 0, withBom, 2, body.length);
            Files.write(u, withBom);
            Path g = gzip.resolve(relative + ".gz");
            Files.createDirectories(g.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(g))) {
                out.write(withBom);
            }
        }
        Snapshot fromUtf16 = new SnapshotLoader().load(List.of(utf16));
        Snapshot fromGzip = new SnapshotLoader().load(List.of(gzip));
        assertEquals(59, fromUtf16.tenant().policies().size());
        assertTrue(fromUtf16.files().get(0).endsWith(": 1 conditional access policy (UTF-16LE)"), fromUtf16.files().get(0));
        assertTrue(fromGzip.files().get(0).endsWith(".json.gz: 1 conditional access policy (gzip, UTF-16LE)"));
        for (int i = 0; i < 59; i++) {
            ConditionalAccessPolicy a = snapshot.tenant().policies().get(i);
            assertEquals(withoutOrigin(a), withoutOrigin(fromUtf16.tenant().policies().get(i)));
            assertEquals(withoutOrigin(a), withoutOrigin(fromGzip.tenant().policies().get(i)));
        }
        assertEquals(snapshot.warnings().size(), fromUtf16.warnings().size());
        assertFalse(fromGzip.warnings().stream().anyMatch(w -> w.contains("not valid")));
    }

    private static ConditionalAccessPolicy withoutOrigin(ConditionalAccessPolicy p) {
        return new ConditionalAccessPolicy(p.id(), p.displayName(), p.state(), p.conditions(), p.grantControls(),
                p.sessionControls(), null);
    }
}
