package io.signdx.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader.Snapshot;
import io.signdx.api.tenant.TenantPart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes a snapshot may come in, and what the loader makes of users, groups, roles and the rest. */
class SnapshotShapesTest {
    static final String GA = "62e90394-69f5-4237-9190-012177145e10";
    static final String EXCHANGE_ADMIN = "29232cdf-9323-42fd-ade2-1d097af3e4de";
    static final String U1 = "11111111-1111-4111-8111-111111111111";
    static final String U2 = "22222222-2222-4222-8222-222222222222";
    static final String G1 = "a1111111-1111-4111-8111-111111111111";
    static final String G2 = "a2222222-2222-4222-8222-222222222222";
    static final String G3 = "a3333333-3333-4333-8333-333333333333";
    static final String ROLE_OBJECT = "b1111111-1111-4111-8111-111111111111";
    static final String POLICY_ID = "c1111111-1111-4111-8111-111111111111";
    static final String HQ = "d1111111-1111-4111-8111-111111111111";
    static final String COUNTRIES = "d2222222-2222-4222-8222-222222222222";

    static final String POLICY = """
            {"id": "%s", "displayName": "Require MFA for everyone", "state": "enabled",
             "conditions": {"users": {"includeUsers": ["All"], "excludeGroups": ["%s"]},
                            "applications": {"includeApplications": ["All"]},
                            "locations": {"includeLocations": ["All"], "excludeLocations": ["%s"]},
                            "clientAppTypes": ["browser", "mobileAppsAndDesktopClients"]},
             "grantControls": {"operator": "OR", "builtInControls": ["mfa"]}}
            """.formatted(POLICY_ID, G3, HQ);

    static final String COMBINED = """
            {"tenantId": "7d1f3c2a-5b8e-4c61-9a0f-2e4b6d8c1a35",
             "conditionalAccessPolicies": [%s],
             "namedLocations": {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/namedLocations",
               "value": [
                 {"@odata.type": "#microsoft.graph.ipNamedLocation", "id": "%s", "displayName": "HQ", "isTrusted": true,
                  "ipRanges": [{"@odata.type": "#microsoft.graph.iPv4CidrRange", "cidrAddress": "203.0.113.0/26"},
                               {"@odata.type": "#microsoft.graph.iPv6CidrRange", "cidrAddress": "2001:db8:10::/48"}]},
                 {"@odata.type": "#microsoft.graph.countryNamedLocation", "id": "%s", "displayName": "Allowed",
                  "countriesAndRegions": ["us", "IE"], "includeUnknownCountriesAndRegions": true,
                  "countryLookupMethod": "clientIpAddress"}]},
             "users": [
               {"id": "%s", "userPrincipalName": "Ada.Lee@northwind.example", "displayName": "Ada Lee", "userType": "Member",
                "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Finance"},
                             {"@odata.type": "#microsoft.graph.directoryRole", "id": "%s"}]},
               {"id": "%s", "userPrincipalName": "guest_fabrikam.example#EXT#@northwind.example", "userType": "Guest",
                "memberOf": []}],
             "groups": [
               {"id": "%s", "displayName": "Finance", "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
               {"id": "%s", "displayName": "Staff", "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
               {"id": "%s", "displayName": "Everyone", "memberOf": []}],
             "directoryRoles": [{"id": "%s", "roleTemplateId": "%s", "displayName": "Global Administrator"}],
             "servicePrincipals": [{"id": "e1111111-1111-4111-8111-111111111111", "appId": "00000002-0000-0ff1-ce00-000000000000",
               "displayName": "Office 365 Exchange Online", "accountEnabled": true, "appRoleAssignmentRequired": false,
               "tags": ["WindowsAzureActiveDirectoryIntegratedApp"]}],
             "securityDefaults": {"id": "00000000-0000-0000-0000-000000000005", "displayName": "Security Defaults", "isEnabled": false},
             "perUserMfa": [{"id": "%s", "userPrincipalName": "Ada.Lee@northwind.example", "perUserMfaState": "enforced"}]}
            """.formatted(POLICY, HQ, COUNTRIES, U1, G1, ROLE_OBJECT, U2, G1, G2, G2, G3, G3, ROLE_OBJECT, GA, U1);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static Snapshot load(Path... paths) throws Exception {
        return new SnapshotLoader().load(List.of(paths));
    }

    @Test
    void theCombinedFileHoldsEveryPart() throws Exception {
        Snapshot s = load(write("tenant.json", COMBINED));
        assertEquals(List.of(), s.warnings());
        assertEquals(List.of(), s.missing());
        assertEquals(EnumSet.allOf(TenantPart.class), s.tenant().parts());
        assertEquals(List.of("tenant.json: combined file of 1 conditional access policy, 2 named locations, 2 users, "
                + "3 groups, 1 directory role, 1 service principal, the security defaults policy (off), "
                + "1 per-user MFA state (UTF-8)"), s.files());
        TenantContext t = s.tenant();
        assertEquals("tenant.json#conditionalAccessPolicies/1", t.policies().get(0).origin());
        DirectoryUser ada = t.user("ada.lee@NORTHWIND.example").orElseThrow();
        assertEquals(U1, ada.id());
        assertEquals(Set.of(G1, G2, G3), ada.groupIds(), "nested groups: Finance is in Staff, Staff in Everyone");
        assertEquals(Set.of(GA), ada.roleTemplateIds(), "the role object id maps to its template id");
        assertEquals(ada, t.user(U1.toUpperCase()).orElseThrow());
        assertEquals("Guest", t.user(U2).orElseThrow().userType());
        assertEquals(Set.of(), t.user(U2).orElseThrow().groupIds());
        assertEquals(Optional.of("enforced"), t.perUserMfaState(U1));
        assertEquals(Optional.of("enforced"), t.perUserMfaState("ADA.LEE@northwind.example"));
        assertEquals(Optional.empty(), t.perUserMfaState(U2));
        assertEquals(Optional.of(false), t.securityDefaultsEnabled());
        assertEquals("Staff", t.group(G2.toUpperCase()).orElseThrow().displayName());
        NamedLocation hq = t.namedLocation(HQ).orElseThrow();
        assertEquals(NamedLocation.Kind.IP_RANGES, hq.kind());
        assertTrue(hq.trusted());
        assertEquals(List.of("203.0.113.0/26", "2001:db8:10::/48"), hq.ipRanges());
        NamedLocation countries = t.namedLocation(COUNTRIES).orElseThrow();
        assertEquals(List.of("US", "IE"), countries.countriesAndRegions());
        assertTrue(countries.includeUnknownCountriesAndRegions());
        assertEquals("clientIpAddress", countries.countryLookupMethod());
        var exo = t.servicePrincipal("00000002-0000-0FF1-CE00-000000000000").orElseThrow();
        assertEquals(exo, t.servicePrincipal("e1111111-1111-4111-8111-111111111111").orElseThrow());
        assertEquals(Boolean.FALSE, exo.appRoleAssignmentRequired());
        assertEquals(List.of("WindowsAzureActiveDirectoryIntegratedApp"), exo.tags());
        assertEquals(1, t.servicePrincipals().size());
        assertEquals(2, t.users().size());
        assertTrue(t.user("nobody@northwind.example").isEmpty());
        assertTrue(t.user(null).isEmpty());
    }

    @Test
    void aFolderOfOneFilePerPartIsRecognisedByContentNotNames() throws Exception {
        write("snapshot/a.json", """
                {"@odata.context": "https://graph.microsoft.com/beta/$metadata#identity/conditionalAccess/policies",
                 "value": [%s]}""".formatted(POLICY));
        write("snapshot/b.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,userType,transitiveMemberOf())",
                 "value": [{"id": "%s", "userPrincipalName": "ada@northwind.example", "userType": "Member",
                   "transitiveMemberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Finance"},
                     {"@odata.type": "#microsoft.graph.directoryRole", "id": "%s", "roleTemplateId": "%s"},
                     {"@odata.type": "#microsoft.graph.administrativeUnit", "id": "f0000000-0000-4000-8000-000000000000"}]}]}
                """.formatted(U1, G1, ROLE_OBJECT, EXCHANGE_ADMIN));
        write("snapshot/sub/folder/c.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id,displayName)",
                 "value": [{"id": "%s", "displayName": "Finance"}]}""".formatted(G1));
        write("snapshot/d.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity",
                 "id": "00000000-0000-0000-0000-000000000005", "displayName": "Security Defaults",
                 "description": "Basic identity security mechanisms", "isEnabled": true}""");
        write("snapshot/e.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/namedLocations",
                 "value": []}""");
        write("snapshot/f.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals(id,appId,displayName)",
                 "value": [{"id": "e1111111-1111-4111-8111-111111111111", "appId": "5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17",
                   "displayName": "Contoso Expenses", "appRoleAssignmentRequired": true, "preferredSingleSignOnMode": null}]}""");
        write("snapshot/g.json", """
                [{"userPrincipalName": "ada@northwind.example", "perUserMfaState": "disabled"}]""");
        write("snapshot/notes.txt", "not read: only .json and .json.gz are");
        write("snapshot/._a.json", "\u0000\u0005 resource fork garbage");
        Snapshot s = load(dir.resolve("snapshot"));
        assertEquals(List.of(
                "a.json: 1 conditional access policy (UTF-8)",
                "b.json: 1 user (UTF-8)",
                "d.json: the security defaults policy (on) (UTF-8)",
                "e.json: 0 named locations (UTF-8)",
                "f.json: 1 service principal (UTF-8)",
                "g.json: 1 per-user MFA state (UTF-8)",
                "sub/folder/c.json: 1 group (UTF-8)"), s.files());
        assertEquals(List.of(), s.warnings());
        assertEquals(EnumSet.allOf(TenantPart.class), s.tenant().parts());
        assertTrue(s.tenant().namedLocations().isEmpty(), "the tenant has no named locations, and that is known");
        DirectoryUser ada = s.tenant().user(U1).orElseThrow();
        assertEquals(Set.of(G1), ada.groupIds());
        assertEquals(Set.of(EXCHANGE_ADMIN), ada.roleTemplateIds());
        assertEquals(Optional.of("disabled"), s.tenant().perUserMfaState(U1), "found by UPN, answers to the id");
        assertEquals(Optional.of(true), s.tenant().securityDefaultsEnabled());
        assertEquals(Boolean.TRUE, s.tenant().servicePrincipal("5F1A9C3E-7D2B-4C8E-9A61-3B0E2F4D8C17").orElseThrow()
                .appRoleAssignmentRequired());
    }

    @Test
    void everyEncodingReadsTheSame() throws Exception {
        byte[] utf8 = COMBINED.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] utf16be = COMBINED.getBytes(StandardCharsets.UTF_16BE);
        byte[] utf16le = COMBINED.getBytes(StandardCharsets.UTF_16LE);
        Files.write(dir.resolve("utf8-bom.json"), concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8));
        Files.write(dir.resolve("utf16be.json"), concat(new byte[] {(byte) 0xfe, (byte) 0xff}, utf16be));
        Files.write(dir.resolve("utf16le-no-bom.json"), utf16le);
        Snapshot plain = load(write("plain.json", COMBINED));
        for (String name : List.of("utf8-bom.json", "utf16be.json", "utf16le-no-bom.json")) {
            Snapshot s = load(dir.resolve(name));
            assertEquals(List.of(), s.warnings(), name);
            assertEquals(plain.tenant().user(U1), s.tenant().user(U1), name);
            assertEquals(plain.tenant().policies().get(0).conditions(), s.tenant().policies().get(0).conditions(), name);
        }
        assertTrue(load(dir.resolve("utf8-bom.json")).files().get(0).endsWith("(UTF-8 with BOM)"));
        assertTrue(load(dir.resolve("utf16be.json")).files().get(0).endsWith("(UTF-16BE)"));
        assertTrue(load(dir.resolve("utf16le-no-bom.json")).files().get(0).endsWith("(UTF-16LE without BOM)"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void pascalCaseFromPowerShellReadsTheSame() throws Exception {
        // what ConvertTo-Json makes of Get-MgIdentityConditionalAccessPolicy: PascalCase keys, empty extras
        Snapshot s = load(write("ps.json", """
                {"Id": "%s", "DisplayName": "Require MFA for everyone", "State": "enabled", "AdditionalProperties": {},
                 "Conditions": {"Users": {"IncludeUsers": ["All"], "ExcludeGroups": ["%s"], "AdditionalProperties": {}},
                   "Applications": {"IncludeApplications": ["All"]},
                   "Locations": {"IncludeLocations": ["All"], "ExcludeLocations": ["%s"]},
                   "ClientAppTypes": ["browser", "mobileAppsAndDesktopClients"], "Times": null},
                 "GrantControls": {"Operator": "OR", "BuiltInControls": ["mfa"]}}""".formatted(POLICY_ID, G3, HQ)));
        Snapshot graph = load(write("graph.json", POLICY));
        assertEquals(List.of("no file held named locations, users, groups, service principals, the security defaults "
                + "policy or per-user MFA state: what depends on them cannot be decided"), s.warnings());
        var a = s.tenant().policies().get(0);
        var b = graph.tenant().policies().get(0);
        assertEquals(b.conditions(), a.conditions());
        assertEquals(b.grantControls(), a.grantControls());
        assertEquals(b.id(), a.id());
    }

    @Test
    void directMembershipIsCompletedThroughGroupNestingRoleMembersAndAssignments() throws Exception {
        String roleGroup = "a4444444-4444-4444-8444-444444444444";
        Snapshot s = load(write("users.json", """
                {"value": [
                  {"id": "%s", "userPrincipalName": "ada@northwind.example", "userType": "Member",
                   "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s"},
                                {"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
                  {"id": "%s", "userPrincipalName": "ben@northwind.example", "userType": "Member", "memberOf": []}]}
                """.formatted(U1, G1, roleGroup, U2)), write("groups.json", """
                [{"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Finance",
                  "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
                 {"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Staff",
                  "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
                 {"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Everyone", "memberOf": [
                  {"@odata.type": "#microsoft.graph.group", "id": "%s"}]},
                 {"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Exchange admins (role-assignable)",
                  "memberOf": [{"@odata.type": "#microsoft.graph.directoryRole", "id": "%s", "roleTemplateId": "%s"}]}]
                """.formatted(G1, G2, G2, G3, G3, G1, roleGroup, ROLE_OBJECT, EXCHANGE_ADMIN)), write("roles.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryRoles(members())",
                 "value": [{"id": "%s", "roleTemplateId": "%s", "displayName": "Exchange Administrator", "members": []},
                   {"id": "b2222222-2222-4222-8222-222222222222", "roleTemplateId": "%s", "displayName": "Global Administrator",
                    "members": [{"@odata.type": "#microsoft.graph.user", "id": "%s"}]}]}
                """.formatted(ROLE_OBJECT, EXCHANGE_ADMIN, GA, U2)), write("assignments.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#roleManagement/directory/roleAssignments",
                 "value": [{"principalId": "%s", "roleDefinitionId": "f023fd81-a637-4b56-95fd-791ac0226033", "directoryScopeId": "/"},
                   {"principalId": "%s", "roleDefinitionId": "fe930be7-5e62-47db-91af-98c3a49a38b1",
                    "directoryScopeId": "/administrativeUnits/5d107bba-d8e2-4e13-b6ae-884be90e5d1a"}]}
                """.formatted(U1, U1)));
        assertEquals(List.of("no file held conditional access policies, named locations, service principals, the "
                + "security defaults policy or per-user MFA state: what depends on them cannot be decided"), s.warnings());
        DirectoryUser ada = s.tenant().user(U1).orElseThrow();
        assertEquals(Set.of(G1, G2, G3, roleGroup), ada.groupIds(), "a cycle back to Finance ends the walk");
        assertEquals(Set.of(EXCHANGE_ADMIN, "f023fd81-a637-4b56-95fd-791ac0226033"), ada.roleTemplateIds(),
                "a role through a role-assignable group and a directory-wide assignment; not one scoped to a unit");
        assertEquals(Set.of(GA), s.tenant().user(U2).orElseThrow().roleTemplateIds(), "from the role's members");
        assertEquals("Exchange admins (role-assignable)", s.tenant().group(roleGroup).orElseThrow().displayName());
    }

    @Test
    void directMembershipWithoutNestingSaysSoAndUnknownRolesAreNamed() throws Exception {
        Snapshot s = load(write("users.json", """
                [{"id": "%s", "userPrincipalName": "ada@northwind.example",
                  "memberOf": [{"@odata.type": "#microsoft.graph.group", "id": "%s", "displayName": "Finance"},
                               {"@odata.type": "#microsoft.graph.directoryRole", "id": "%s"}]},
                 {"id": "%s", "userPrincipalName": "ben@northwind.example", "userType": "Member"}]
                """.formatted(U1, G1, ROLE_OBJECT, U2)));
        List<String> w = s.warnings();
        assertTrue(w.contains("1 user has only direct memberOf and no group file gives the groups' own memberOf: "
                + "membership through nested groups is not known (export transitiveMemberOf, or the groups with their "
                + "memberOf)"), String.join("\n", w));
        assertTrue(w.contains("1 user carries neither memberOf nor transitiveMemberOf: their group and role membership "
                + "is not known (export the users with transitiveMemberOf)"));
        assertTrue(w.contains("1 user has no userType: whether they are guests is not known (export the users with "
                + "userType)"));
        assertTrue(w.stream().anyMatch(x -> x.startsWith("role membership names directory role object id " + ROLE_OBJECT
                + " that no directory roles file maps to a roleTemplateId")), String.join("\n", w));
        assertEquals(Set.of(G1), s.tenant().user(U1).orElseThrow().groupIds());
        assertEquals(Set.of(), s.tenant().user(U1).orElseThrow().roleTemplateIds());
        assertEquals("Finance", s.tenant().group(G1).orElseThrow().displayName(), "names from memberOf entries help");
        assertFalse(s.tenant().parts().contains(TenantPart.GROUPS), "but no groups file was given");
        assertTrue(s.missing().contains(TenantPart.GROUPS));
    }

    @Test
    void perUserMfaComesInSeveralShapes() throws Exception {
        Snapshot s = load(write("mfa-graph.json", """
                {"@odata.context": "https://graph.microsoft.com/beta/$metadata#users('%s')/authentication/requirements/$entity",
                 "perUserMfaState": "Enforced"}""".formatted(U1)), write("mfa-msonline.json", """
                [{"UserPrincipalName": "ben@northwind.example", "ObjectId": "%s",
                  "StrongAuthenticationRequirements": [{"RelyingParty": "*", "State": "Enabled"}]},
                 {"UserPrincipalName": "cy@northwind.example", "ObjectId": "33333333-3333-4333-8333-333333333333",
                  "StrongAuthenticationRequirements": []}]""".formatted(U2)));
        assertEquals(Optional.of("enforced"), s.tenant().perUserMfaState(U1));
        assertEquals(Optional.of("enabled"), s.tenant().perUserMfaState(U2));
        assertEquals(Optional.of("enabled"), s.tenant().perUserMfaState("BEN@northwind.example"));
        assertEquals(Optional.of("disabled"), s.tenant().perUserMfaState("cy@northwind.example"));
        assertEquals(Set.of(TenantPart.PER_USER_MFA), s.tenant().parts());
    }

    @Test
    void pagesArraysAndSingleObjectsAllCount() throws Exception {
        String second = POLICY.replace(POLICY_ID, "c2222222-2222-4222-8222-222222222222");
        String third = POLICY.replace(POLICY_ID, "c3333333-3333-4333-8333-333333333333");
        // two pages back to back in one file, the first pointing at the second
        write("pages/paged.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
                 "@odata.nextLink": "https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies?$skiptoken=x",
                 "value": [%s]}
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
                 "value": [%s]}""".formatted(POLICY, second));
        write("pages/portal.json", "[" + third + "]");
        write("pages/single.json", """
                {"@odata.type": "#microsoft.graph.conditionalAccessPolicy", %s""".formatted(
                        POLICY.replace(POLICY_ID, "c4444444-4444-4444-8444-444444444444").strip().substring(1)));
        Snapshot s = load(dir.resolve("pages"));
        assertEquals(4, s.tenant().policies().size());
        assertEquals(List.of("paged.json: 2 conditional access policies (UTF-8)",
                "portal.json: 1 conditional access policy (UTF-8)", "single.json: 1 conditional access policy (UTF-8)"),
                s.files());
        assertEquals("paged.json#2", s.tenant().policies().get(1).origin());
        assertTrue(s.warnings().stream().noneMatch(w -> w.contains("nextLink")), "the next page is in the file");
        Snapshot firstPageOnly = load(write("first.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
                 "@odata.nextLink": "https://graph.microsoft.com/v1.0/identity/conditionalAccess/policies?$skiptoken=x",
                 "value": [%s]}""".formatted(POLICY)));
        assertTrue(firstPageOnly.warnings().contains("first.json: the list response has an @odata.nextLink: more pages "
                + "follow that are not in this file, and what they hold is missing unless another file has them"),
                String.join("\n", firstPageOnly.warnings()));
    }

    @Test
    void aDuplicatePolicyIsReportedAndTheFirstKept() throws Exception {
        Snapshot s = load(write("one.json", POLICY), write("two.json", POLICY.replace("Require MFA for everyone",
                "Another name")));
        assertEquals(1, s.tenant().policies().size());
        assertEquals("Require MFA for everyone", s.tenant().policies().get(0).displayName());
        assertTrue(s.warnings().contains("two.json: policy \"Another name\" has the id of the policy from one.json; "
                + "the first one is kept"), String.join("\n", s.warnings()));
        assertEquals("two.json: 0 conditional access policies, 1 entry skipped (UTF-8)", s.files().get(1));
    }

    @Test
    void everyPolicyFieldIsMapped() throws Exception {
        Snapshot s = load(write("policy.json", """
                {"id": "%s", "displayName": "Everything", "state": "enabledForReportingButNotEnforced",
                 "conditions": {
                   "users": {"includeUsers": ["GuestsOrExternalUsers"], "excludeUsers": [], "includeGroups": [],
                     "excludeGroups": [], "includeRoles": [], "excludeRoles": ["%s"],
                     "includeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "b2bCollaborationGuest,b2bDirectConnectUser",
                       "externalTenants": {"@odata.type": "#microsoft.graph.conditionalAccessEnumeratedExternalTenants",
                         "members": ["c3a9e5b1-0d7f-4a28-b6e4-9f1d3c5a7e02"]}},
                     "excludeGuestsOrExternalUsers": {"guestOrExternalUserTypes": "serviceProvider",
                       "externalTenants": {"membershipKind": "all"}}},
                   "applications": {"includeApplications": [], "includeUserActions": [],
                     "includeAuthenticationContextClassReferences": ["c1", "c2"],
                     "applicationFilter": {"mode": "include", "rule": "CustomSecurityAttribute.Dept -eq \\"Finance\\""}},
                   "clientApplications": {"includeServicePrincipals": [], "excludeServicePrincipals": [],
                     "servicePrincipalFilter": {"mode": "exclude", "rule": "CustomSecurityAttribute.Tier -eq \\"0\\""}},
                   "platforms": {"includePlatforms": ["all"], "excludePlatforms": ["linux"]},
                   "clientAppTypes": ["all"], "signInRiskLevels": ["medium"], "userRiskLevels": [],
                   "servicePrincipalRiskLevels": [], "insiderRiskLevels": "minor,moderate",
                   "authenticationFlows": {"transferMethods": "deviceCodeFlow,authenticationTransfer"},
                   "devices": {"deviceFilter": {"mode": "include", "rule": "device.trustType -eq \\"AzureAD\\""}}},
                 "grantControls": {"operator": "AND", "builtInControls": ["compliantDevice"],
                   "customAuthenticationFactors": ["duo"], "termsOfUse": ["f1111111-1111-4111-8111-111111111111"],
                   "authenticationStrength@odata.context": "https://graph.microsoft.com/beta/$metadata#…",
                   "authenticationStrength": {"id": "00000000-0000-0000-0000-000000000004",
                     "displayName": "Phishing-resistant MFA", "allowedCombinations": ["windowsHelloForBusiness", "fido2",
                     "x509CertificateMultiFactor"]}},
                 "sessionControls": {"disableResilienceDefaults": true,
                   "signInFrequency": {"value": null, "type": null, "authenticationType": "primaryAndSecondaryAuthentication",
                     "frequencyInterval": "everyTime", "isEnabled": true},
                   "persistentBrowser": {"mode": "always", "isEnabled": false},
                   "continuousAccessEvaluation": {"mode": "strictLocation"},
                   "cloudAppSecurity": null, "applicationEnforcedRestrictions": {"isEnabled": false}}}
                """.formatted(POLICY_ID, GA)));
        assertEquals(List.of("no file held named locations, users, groups, service principals, the security defaults "
                + "policy or per-user MFA state: what depends on them cannot be decided"), s.warnings());
        var p = s.tenant().policies().get(0);
        var c = p.conditions();
        assertEquals(List.of(GA), c.users().excludeRoles());
        assertEquals(List.of("b2bCollaborationGuest", "b2bDirectConnectUser"),
                c.users().includeGuestsOrExternalUsers().guestOrExternalUserTypes());
        assertEquals("enumerated", c.users().includeGuestsOrExternalUsers().membershipKind(), "from the type");
        assertEquals(List.of("c3a9e5b1-0d7f-4a28-b6e4-9f1d3c5a7e02"), c.users().includeGuestsOrExternalUsers().tenantIds());
        assertEquals("all", c.users().excludeGuestsOrExternalUsers().membershipKind());
        assertEquals(List.of("c1", "c2"), c.applications().includeAuthenticationContextClassReferences());
        assertEquals("CustomSecurityAttribute.Dept -eq \"Finance\"", c.applications().applicationFilter().rule());
        assertEquals("exclude", c.clientApplications().servicePrincipalFilter().mode());
        assertEquals(List.of("linux"), c.platforms().exclude());
        assertEquals(List.of("medium"), c.signInRiskLevels());
        assertNull(c.userRiskLevels());
        assertEquals(List.of("minor", "moderate"), c.insiderRiskLevels());
        assertEquals(List.of("deviceCodeFlow", "authenticationTransfer"), c.authenticationFlowTransferMethods());
        assertEquals("device.trustType -eq \"AzureAD\"", c.devices().rule());
        var g = p.grantControls();
        assertTrue(g.requiresAll());
        assertEquals(List.of("duo"), g.customAuthenticationFactors());
        assertEquals("Phishing-resistant MFA", g.authenticationStrength().label());
        assertEquals(3, g.authenticationStrength().allowedCombinations().size());
        var session = p.sessionControls();
        assertEquals("every time", session.signInFrequency().describe());
        assertEquals("primaryAndSecondaryAuthentication", session.signInFrequency().authenticationType());
        assertNull(session.persistentBrowserMode(), "switched off");
        assertNull(session.applicationEnforcedRestrictions(), "switched off");
        assertEquals(Boolean.TRUE, session.disableResilienceDefaults());
        assertEquals("strictLocation", session.continuousAccessEvaluationMode());
        assertTrue(p.reportOnly());
    }

    @Test
    void oddValuesAreKeptAndNamed() throws Exception {
        Snapshot s = load(write("odd.json", """
                {"displayName": "Odd", "state": "paused",
                 "conditions": {"users": {"includeUsers": ["All"], "includeGroups": ["Finance team"]},
                   "applications": {"includeApplications": ["All"]}, "clientAppTypes": ["browser", "telnet"],
                   "deviceStates": {"includeStates": "All", "excludeStates": "Compliant"}},
                 "grantControls": {"operator": "XOR", "builtInControls": ["mfa", "prayer"]}}"""),
                write("locations.json", """
                {"value": [{"@odata.type": "#microsoft.graph.ipNamedLocation", "id": "%s", "displayName": "HQ",
                  "ipRanges": [{"cidrAddress": "203.0.113.0/26"}, {"cidrAddress": "203.0.113.300/24"},
                    {"cidrAddress": "example.org/24"}, {"cidrAddress": "2001:db8::/129"}]},
                 {"id": "%s", "displayName": "Countries", "countriesAndRegions": ["DE", "Germany"]}]}"""
                        .formatted(HQ, COUNTRIES)));
        String prefix = "odd.json: policy \"Odd\": ";
        assertTrue(s.warnings().contains(prefix + "conditions.users.includeGroups holds a value that is not an id "
                + "(GUID): \"Finance team\""), String.join("\n", s.warnings()));
        assertTrue(s.warnings().contains(prefix + "values outside the documented ones, kept as recorded: state "
                + "\"paused\", conditions.clientAppTypes \"telnet\", grantControls.operator \"XOR\", "
                + "grantControls.builtInControls \"prayer\""), String.join("\n", s.warnings()));
        assertTrue(s.warnings().contains(prefix + "conditions.deviceStates (retired; use a device filter) is not part "
                + "of SignDx's policy model and cannot be evaluated"));
        assertTrue(s.warnings().contains("locations.json entry 1: named location \"HQ\": ignored what is not an IP range "
                + "in CIDR notation: \"203.0.113.300/24\", \"example.org/24\", \"2001:db8::/129\""));
        assertTrue(s.warnings().contains("locations.json entry 2: named location \"Countries\": ignored what is not a "
                + "two-letter country code: \"Germany\""));
        assertEquals(List.of("203.0.113.0/26"), s.tenant().namedLocation(HQ).orElseThrow().ipRanges());
        assertEquals(List.of("browser", "telnet"), s.tenant().policies().get(0).conditions().clientAppTypes());
    }
}
