package io.signdx.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;

/**
 * The whole demo tenant from one seed: its directory, its policies and a week of sign-ins. The same seed
 * always gives the same tenant. {@link #writeTo} writes it as Graph-shaped files: the sign-ins as a Graph
 * beta list response (what {@code signdx import} reads) and the tenant snapshot beside them.
 */
final class DemoTenant {
    static final long SEED = 20261116L;

    final DemoDirectory directory;
    final List<SignIn> signIns;

    DemoTenant(long seed) {
        Random r = new Random(seed);
        this.directory = new DemoDirectory(r);
        this.signIns = new DemoSignIns(seed + 1, directory).generate();
    }

    /**
     * Writes signins.json and the tenant snapshot in tenant/: users (with transitiveMemberOf), groups (with
     * their own memberOf), directoryRoles (with members), servicePrincipals, namedLocations, policies, the
     * security defaults policy and the per-user MFA state, each file shaped as Graph returns it.
     */
    void writeTo(Path folder) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(folder.resolve("tenant"));
        try (OutputStream os = Files.newOutputStream(folder.resolve("signins.json"));
                Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8)) {
            w.write("{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs/signIns\",\"value\":[\n");
            for (int i = 0; i < signIns.size(); i++) {
                w.write(GraphJson.toJson(signIns.get(i)));
                w.write(i + 1 < signIns.size() ? ",\n" : "\n");
            }
            w.write("]}\n");
        }
        write(json, folder.resolve("tenant/users.json"), users(json));
        write(json, folder.resolve("tenant/groups.json"), groups(json));
        write(json, folder.resolve("tenant/directoryRoles.json"), roles(json));
        write(json, folder.resolve("tenant/servicePrincipals.json"), apps(json));
        write(json, folder.resolve("tenant/namedLocations.json"), locations(json));
        write(json, folder.resolve("tenant/policies.json"), DemoPolicies.graph(json, directory));
        write(json, folder.resolve("tenant/securityDefaults.json"), securityDefaults(json));
        write(json, folder.resolve("tenant/perUserMfa.json"), perUserMfa(json));
    }

    private static void write(ObjectMapper json, Path file, JsonNode node) throws IOException {
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
    }

    private ObjectNode users(ObjectMapper json) {
        ObjectNode root = list(json, "users(id,userPrincipalName,displayName,userType,transitiveMemberOf())");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.User u : directory.everyone()) {
            ObjectNode o = value.addObject();
            o.put("id", u.id());
            o.put("userPrincipalName", u.upn());
            o.put("displayName", u.name());
            o.put("userType", u.type());
            ArrayNode memberOf = o.putArray("transitiveMemberOf");
            for (String g : u.groups()) {
                memberOf.addObject().put("@odata.type", "#microsoft.graph.group").put("id", g)
                        .put("displayName", group(g).name());
            }
            for (DemoDirectory.Role role : DemoDirectory.ROLES) {
                if (u.roles().contains(role.templateId())) {
                    memberOf.addObject().put("@odata.type", "#microsoft.graph.directoryRole").put("id", role.objectId())
                            .put("displayName", role.name()).put("roleTemplateId", role.templateId());
                }
            }
        }
        return root;
    }

    private static DemoDirectory.Group group(String id) {
        return DemoDirectory.GROUPS.stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
    }

    private static ObjectNode groups(ObjectMapper json) {
        ObjectNode root = list(json, "groups(id,displayName,securityEnabled,groupTypes,memberOf())");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.Group g : DemoDirectory.GROUPS) {
            ObjectNode o = value.addObject().put("id", g.id()).put("displayName", g.name()).put("securityEnabled", true);
            o.putArray("groupTypes");
            ArrayNode memberOf = o.putArray("memberOf");
            for (DemoDirectory.Group parent : DemoDirectory.PARENTS.getOrDefault(g, List.of())) {
                memberOf.addObject().put("@odata.type", "#microsoft.graph.group").put("id", parent.id())
                        .put("displayName", parent.name());
            }
        }
        return root;
    }

    private ObjectNode roles(ObjectMapper json) {
        ObjectNode root = list(json, "directoryRoles(id,displayName,roleTemplateId,members())");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.Role role : DemoDirectory.ROLES) {
            ObjectNode o = value.addObject().put("id", role.objectId()).put("displayName", role.name())
                    .put("roleTemplateId", role.templateId());
            ArrayNode members = o.putArray("members");
            for (DemoDirectory.User u : directory.everyone()) {
                if (u.roles().contains(role.templateId())) {
                    members.addObject().put("@odata.type", "#microsoft.graph.user").put("id", u.id())
                            .put("userPrincipalName", u.upn());
                }
            }
        }
        return root;
    }

    private static ObjectNode apps(ObjectMapper json) {
        ObjectNode root = list(json, "servicePrincipals(id,appId,displayName,accountEnabled,appRoleAssignmentRequired,"
                + "preferredSingleSignOnMode,tags)");
        ArrayNode value = (ArrayNode) root.get("value");
        List<DemoDirectory.App> all = new java.util.ArrayList<>(DemoDirectory.APPS);
        all.add(DemoDirectory.GRAPH);
        for (DemoDirectory.App a : all) {
            boolean own = a == DemoDirectory.HR_SAML || a == DemoDirectory.EXPENSES || a == DemoDirectory.PAYROLL_SYNC;
            ObjectNode o = value.addObject().put("id", DemoDirectory.servicePrincipalId(a)).put("appId", a.id())
                    .put("displayName", a.name()).put("accountEnabled", true)
                    // the expenses app lets in only assigned users: that is where its 50105 sign-ins come from
                    .put("appRoleAssignmentRequired", a == DemoDirectory.EXPENSES)
                    .put("preferredSingleSignOnMode", a.saml() ? "saml" : null);
            ArrayNode tags = o.putArray("tags");
            if (own) {
                tags.add("WindowsAzureActiveDirectoryIntegratedApp");
            }
            if (a.saml()) {
                tags.add("WindowsAzureActiveDirectoryCustomSingleSignOnApplication");
            }
        }
        return root;
    }

    private static ObjectNode locations(ObjectMapper json) {
        ObjectNode root = list(json, "identity/conditionalAccess/namedLocations");
        ArrayNode value = (ArrayNode) root.get("value");
        ObjectNode hq = value.addObject();
        hq.put("@odata.type", "#microsoft.graph.ipNamedLocation").put("id", DemoPolicies.HQ_LOCATION)
                .put("displayName", "Northwind HQ").put("isTrusted", true);
        ArrayNode ranges = hq.putArray("ipRanges");
        ranges.addObject().put("@odata.type", "#microsoft.graph.iPv4CidrRange").put("cidrAddress", DemoDirectory.HQ_RANGE);
        ranges.addObject().put("@odata.type", "#microsoft.graph.iPv6CidrRange").put("cidrAddress", DemoDirectory.HQ_RANGE_V6);
        ObjectNode countries = value.addObject();
        countries.put("@odata.type", "#microsoft.graph.countryNamedLocation").put("id", DemoPolicies.COUNTRIES_LOCATION)
                .put("displayName", "Allowed countries").put("countryLookupMethod", "clientIpAddress")
                .put("includeUnknownCountriesAndRegions", false);
        ArrayNode list = countries.putArray("countriesAndRegions");
        DemoPolicies.ALLOWED_COUNTRIES.forEach(list::add);
        return root;
    }

    /** Security defaults are off: Conditional Access replaced them on the first morning of the week. */
    private static ObjectNode securityDefaults(ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        root.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#policies/"
                + "identitySecurityDefaultsEnforcementPolicy/$entity");
        root.put("id", "00000000-0000-0000-0000-000000000005");
        root.put("displayName", "Security Defaults");
        root.put("description", "Basic identity protection switched on for the whole tenant at once.");
        root.put("isEnabled", false);
        return root;
    }

    /** Every user's legacy per-user MFA state, the value of Graph beta's authentication requirements. */
    private ArrayNode perUserMfa(ObjectMapper json) {
        ArrayNode root = json.createArrayNode();
        for (DemoDirectory.User u : directory.everyone()) {
            root.addObject().put("@odata.type", "#microsoft.graph.strongAuthenticationRequirements").put("id", u.id())
                    .put("userPrincipalName", u.upn()).put("perUserMfaState", directory.perUserMfa(u));
        }
        return root;
    }

    private static ObjectNode list(ObjectMapper json, String what) {
        ObjectNode root = json.createObjectNode();
        root.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + what);
        root.putArray("value");
        return root;
    }
}
