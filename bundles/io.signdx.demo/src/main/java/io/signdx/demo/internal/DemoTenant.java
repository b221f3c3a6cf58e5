package io.signdx.demo.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

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

    /** Writes signins.json and tenant/{users,groups,servicePrincipals,namedLocations,policies}.json. */
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
        write(json, folder.resolve("tenant/servicePrincipals.json"), apps(json));
        write(json, folder.resolve("tenant/namedLocations.json"), locations(json));
        write(json, folder.resolve("tenant/policies.json"), DemoPolicies.graph(json));
    }

    private static void write(ObjectMapper json, Path file, ObjectNode node) throws IOException {
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), node);
    }

    private ObjectNode users(ObjectMapper json) {
        ObjectNode root = list(json, "users(id,userPrincipalName,displayName,userType,transitiveMemberOf)");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.User u : directory.everyone()) {
            ObjectNode o = value.addObject();
            o.put("id", u.id());
            o.put("userPrincipalName", u.upn());
            o.put("displayName", u.name());
            o.put("userType", u.type());
            ArrayNode memberOf = o.putArray("transitiveMemberOf");
            for (String g : u.groups()) {
                memberOf.addObject().put("@odata.type", "#microsoft.graph.group").put("id", g);
            }
            for (String role : u.roles()) {
                memberOf.addObject().put("@odata.type", "#microsoft.graph.directoryRole").put("roleTemplateId", role);
            }
        }
        return root;
    }

    private static ObjectNode groups(ObjectMapper json) {
        ObjectNode root = list(json, "groups");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.Group g : DemoDirectory.GROUPS) {
            value.addObject().put("id", g.id()).put("displayName", g.name());
        }
        return root;
    }

    private static ObjectNode apps(ObjectMapper json) {
        ObjectNode root = list(json, "servicePrincipals");
        ArrayNode value = (ArrayNode) root.get("value");
        for (DemoDirectory.App a : DemoDirectory.APPS) {
            value.addObject().put("appId", a.id()).put("displayName", a.name())
                    .put("preferredSingleSignOnMode", a.saml() ? "saml" : null);
        }
        return root;
    }

    private static ObjectNode locations(ObjectMapper json) {
        ObjectNode root = list(json, "identity/conditionalAccess/namedLocations");
        ArrayNode value = (ArrayNode) root.get("value");
        ObjectNode hq = value.addObject();
        hq.put("@odata.type", "#microsoft.graph.ipNamedLocation").put("id", "b7a3c1e9-0000-4d2f-8a6b-0000000000a1")
                .put("displayName", "Northwind HQ").put("isTrusted", true);
        hq.putArray("ipRanges").addObject().put("@odata.type", "#microsoft.graph.iPv4CidrRange")
                .put("cidrAddress", DemoDirectory.HQ_RANGE);
        ObjectNode countries = value.addObject();
        countries.put("@odata.type", "#microsoft.graph.countryNamedLocation")
                .put("id", "b7a3c1e9-0000-4d2f-8a6b-allowedcountry").put("displayName", "Allowed countries")
                .put("includeUnknownCountriesAndRegions", false);
        ArrayNode list = countries.putArray("countriesAndRegions");
        for (String c : new String[] {"US", "IE", "NL", "SG", "CA", "DE"}) {
            list.add(c);
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
