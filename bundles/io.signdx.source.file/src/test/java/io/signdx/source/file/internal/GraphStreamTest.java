package io.signdx.source.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;

import org.junit.jupiter.api.Test;

/**
 * The streaming mapper must mean exactly what the tree mapper means: the same sign-in, or the same reason
 * for refusing the record, for the fixtures and for thousands of distorted variants of them (names in other
 * letter cases, repeated names, values of unexpected types, JSON kept in strings, bad dates and numbers).
 */
class GraphStreamTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Maps text both ways; returns the two outcomes as comparable text. */
    static String[] both(String text) throws IOException {
        String tree;
        try {
            tree = describe(GraphSignInMapper.map(JSON.readTree(text), text, "t#1"));
        } catch (IllegalArgumentException e) {
            tree = "refused: " + e.getMessage();
        }
        String stream;
        try {
            stream = describe(streamed(text));
        } catch (IllegalArgumentException e) {
            stream = "refused: " + e.getMessage();
        }
        return new String[] {tree, stream};
    }

    /** The sign-in the streaming mapper makes of one record. */
    private static SignIn streamed(String text) throws IOException {
        GraphStream g = new GraphStream(JSON);
        try (JsonParser p = JSON.getFactory().createParser(text)) {
            p.nextToken();
            g.reset();
            String name;
            while ((name = p.nextFieldName()) != null) {
                p.nextToken();
                g.field(p, name);
            }
            assertEquals(null, p.nextToken(), "the whole record is read: " + text);
            return g.signIn(text, "t#1");
        }
    }

    private static String describe(SignIn s) {
        return GraphJson.toJson(s) + " | " + s.raw() + " | " + s.origin() + " | " + s.status() + " | "
                + s.appliedConditionalAccessPolicies() + " | " + s.authenticationDetails() + " | " + s.location()
                + " | " + s.risk() + " | " + s.deviceDetail() + " | " + s.networkLocationDetails() + " | "
                + s.originalTransferMethod() + " | " + s.authenticationContextClassReferences();
    }

    private static List<ObjectNode> fixtures() throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        for (String f : List.of("json/portal-array.json", "json/graph-two-pages.json",
                "public/graph-beta-signin-list-example.json", "json/graph-beta-auth-context.json")) {
            JsonNode root = JSON.readTree(Files.readString(FileSignInReaderTest.resource(f), StandardCharsets.UTF_8));
            collect(root, out);
        }
        JsonNode monitor = JSON.readTree(Files.readString(
                FileSignInReaderTest.resource("public/azure-monitor-record-example.json"), StandardCharsets.UTF_8));
        out.add((ObjectNode) monitor.get("properties")); // integer conditions
        return out;
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n.isArray()) {
            n.forEach(e -> collect(e, out));
        } else if (n.has("value")) {
            collect(n.get("value"), out);
        } else if (n.isObject()) {
            out.add((ObjectNode) n);
        }
    }

    @Test
    void theFixturesMapTheSameBothWays() throws Exception {
        List<ObjectNode> records = fixtures();
        assertTrue(records.size() >= 6, "fixtures found: " + records.size());
        for (ObjectNode r : records) {
            String[] b = both(r.toString());
            assertEquals(b[0], b[1]);
            assertTrue(!b[0].startsWith("refused"), b[0]);
        }
    }

    @Test
    void handWrittenOddities() throws Exception {
        List<String> cases = List.of(
                "{\"id\":\"a\",\"ID\":\"b\",\"Id\":\"c\"}",
                "{\"ID\":\"b\",\"Id\":\"c\",\"ID\":\"d\"}",
                "{\"id\":null,\"ID\":\"b\"}",
                "{\"createdDateTime\":\"2026-02-30T00:00:00Z\"}",
                "{\"createdDateTime\":\"2026-11-20T08:15:02.1234567Z\",\"status\":{\"errorCode\":\"x\"}}",
                "{\"createdDateTime\":\"not a date\",\"status\":{\"errorCode\":\"x\"}}",
                "{\"status\":{\"errorCode\":\" 50126 \"}}",
                "{\"status\":\"{\\\"errorCode\\\":53003}\"}",
                "{\"status\":\"{broken\"}",
                "{\"status\":[1,2]}",
                "{\"status\":5}",
                "{\"status\":{\"errorCode\":12345678901}}",
                "{\"status\":{\"errorCode\":1.5}}",
                "{\"status\":{\"errorCode\":-0}}",
                "{\"isInteractive\":\"True\",\"flaggedForReview\":1}",
                "{\"isInteractive\":\"maybe\",\"flaggedForReview\":\"yes\"}",
                "{\"location\":{\"geoCoordinates\":{\"latitude\":\"45\",\"longitude\":7}}}",
                "{\"location\":{\"geoCoordinates\":\"{}\",\"GeoCoordinates\":{\"latitude\":1}}}",
                "{\"location\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}",
                "{\"appliedConditionalAccessPolicies\":[{\"conditionsSatisfied\":3,\"conditionsNotSatisfied\":\"12\"}]}",
                "{\"appliedConditionalAccessPolicies\":[{\"conditionsSatisfied\":[\"users\",null,1]}]}",
                "{\"appliedConditionalAccessPolicies\":[{\"conditionsSatisfied\":\"99999999999999999999\"}]}",
                "{\"appliedConditionalAccessPolicies\":[5,null,{\"enforcedGrantControls\":\"Block access, mfa\"}]}",
                "{\"appliedConditionalAccessPolicies\":{\"id\":\"x\"}}",
                "{\"appliedConditionalAccessPolicies\":\"[{\\\"id\\\":\\\"p\\\"}]\"}",
                "{\"authenticationDetails\":[{\"authenticationStepDateTime\":\"bad\"},{\"authenticationStepDateTime\":\"worse\"}]}",
                "{\"authenticationDetails\":[{\"succeeded\":\"false\"}, 7]}",
                "{\"signInEventTypes\":\"interactiveUser, nonInteractiveUser\",\"authenticationMethodsUsed\":\"[\\\"Password\\\"]\"}",
                "{\"signInEventTypes\":[\"\",null,{},true],\"authenticationMethodsUsed\":\"[broken\"}",
                "{\"riskEventTypes_v2\":[],\"riskEventTypes\":[\"leakedCredentials\"]}",
                "{\"riskEventTypes\":\"[oops\",\"createdDateTime\":\"bad\"}",
                "{\"networkLocationDetails\":[{\"networkType\":\"x\",\"networkNames\":\"a,b\"},\"n\"]}",
                "{\"userId\":12,\"ipAddress\":1.5,\"appId\":true,\"correlationId\":{\"a\":1},\"userType\":[]}",
                "{\"userPrincipalName\":\"\",\"USERPRINCIPALNAME\":\"x@y\"}",
                "{\"İd\":\"dotted\",\"\u212Aind\":1}",
                "{\"originalTransferMethod\":\" \",\"authenticationContextClassReferences\":\"[{\\\"id\\\":\\\"c1\\\"}]\"}",
                "{\"originalTransferMethod\":7,\"authenticationContextClassReferences\":\"[broken\"}",
                "{\"authenticationContextClassReferences\":\"[broken\",\"createdDateTime\":\"bad\"}",
                "{\"authenticationContextClassReferences\":{\"id\":\"c2\",\"details\":\"required\"}}",
                "{\"authenticationContextClassReferences\":{\"detail\":\"required\"}}",
                "{\"authenticationContextClassReferences\":5,\"originalTransferMethod\":[\"x\"]}",
                "{\"authenticationContextClassReferences\":\"c1, c2\"}",
                "{\"authenticationContextClassReferences\":\"\"}",
                "{\"authenticationContextClassReferences\":\"[]\",\"AuthenticationContextClassReferences\":[{\"id\":\"x\"}]}",
                "{\"AUTHENTICATIONCONTEXTCLASSREFERENCES\":[{\"id\":\"x\"}],\"authenticationContextClassReferences\":null}",
                "{\"authenticationContextClassReferences\":[null,\"c1\",[{\"id\":\"c9\"}],{\"id\":\"\"},{\"id\":\"  \"},"
                        + "{\"id\":{\"a\":1}},{\"ID\":3,\"Detail\":\"required\",\"details\":\"x\"},"
                        + "{\"id\":\"c6\",\"detail\":\"\",\"DETAILS\":\"previouslySatisfied\"},"
                        + "{\"id\":\"c7\",\"id\":\"c8\",\"detail\":true}]}");
        for (String c : cases) {
            String[] b = both(c);
            assertEquals(b[0], b[1], c);
        }
    }

    /** The values themselves, not only that both paths agree (they could agree on a wrong value). */
    @Test
    void originalTransferMethodAndAuthenticationContextsFromGraphBeta() throws Exception {
        JsonNode page = JSON.readTree(Files.readString(FileSignInReaderTest.resource("json/graph-beta-auth-context.json"),
                StandardCharsets.UTF_8));
        List<SignIn> tree = new ArrayList<>();
        List<SignIn> stream = new ArrayList<>();
        for (JsonNode r : page.get("value")) {
            tree.add(GraphSignInMapper.map(r, r.toString(), "t#1"));
            stream.add(streamed(r.toString()));
        }
        for (List<SignIn> s : List.of(tree, stream)) {
            assertEquals(7, s.size());
            assertEquals("deviceCodeFlow", s.get(0).originalTransferMethod());
            assertEquals(List.of(new AuthenticationContext("urn:user:registersecurityinfo", "required"),
                    new AuthenticationContext("c1", "previouslySatisfied")), s.get(0).authenticationContextClassReferences());
            // "details" as Microsoft's example spells it; entries without an id (absent or empty) are skipped
            assertEquals("none", s.get(1).originalTransferMethod());
            assertEquals(List.of(new AuthenticationContext("c2", "required"), new AuthenticationContext("c3", null)),
                    s.get(1).authenticationContextClassReferences());
            assertEquals("authenticationTransfer", s.get(2).originalTransferMethod());
            assertSame(List.of(), s.get(2).authenticationContextClassReferences(), "[] is List.of()");
            assertNull(s.get(3).originalTransferMethod(), "absent");
            assertNull(s.get(3).authenticationContextClassReferences(), "absent is not recorded, not empty");
            assertNull(s.get(4).originalTransferMethod(), "JSON null");
            assertNull(s.get(4).authenticationContextClassReferences(), "JSON null");
            assertNull(s.get(5).originalTransferMethod(), "blank");
            assertEquals(List.of(new AuthenticationContext("c4", "notApplicable")),
                    s.get(5).authenticationContextClassReferences(), "detail wins over details");
            assertEquals("someFutureValue", s.get(6).originalTransferMethod(), "kept as it came");
            assertEquals(List.of(new AuthenticationContext("c5", "required")), s.get(6).authenticationContextClassReferences(),
                    "a null detail falls back to details");
        }
    }

    @Test
    void unusualFormsOfAuthenticationContexts() throws Exception {
        // JSON kept in a string (Log Analytics' dynamic columns), a lone object, and what is no list at all
        assertEquals(List.of(new AuthenticationContext("c1", "required")), contexts(
                "{\"authenticationContextClassReferences\":\"[{\\\"id\\\":\\\"c1\\\",\\\"detail\\\":\\\"required\\\"}]\"}"));
        assertEquals(List.of(new AuthenticationContext("c2", "required")), contexts(
                "{\"authenticationContextClassReferences\":{\"id\":\"c2\",\"details\":\"required\"}}"));
        assertNull(contexts("{\"authenticationContextClassReferences\":5}"));
        assertNull(contexts("{\"authenticationContextClassReferences\":\"c1, c2\"}"), "text that is not JSON");
        assertNull(contexts("{\"authenticationContextClassReferences\":\"\"}"));
        assertEquals(List.of(new AuthenticationContext("c7", null)), contexts(
                "{\"authenticationContextClassReferences\":[null,\"c1\",{\"id\":\"  \"},{\"ID\":\"c7\"}]}"));
        String bad = "{\"id\":\"x\",\"authenticationContextClassReferences\":\"[{broken\"}";
        String[] b = both(bad);
        assertEquals(b[0], b[1]);
        assertTrue(b[0].startsWith("refused: field 'authenticationContextClassReferences' holds text that is not valid JSON"),
                b[0]);
    }

    /** Both paths' authenticationContextClassReferences of a record, checked equal. */
    private static List<AuthenticationContext> contexts(String text) throws IOException {
        List<AuthenticationContext> tree = GraphSignInMapper.map(JSON.readTree(text), text, "t#1")
                .authenticationContextClassReferences();
        assertEquals(tree, streamed(text).authenticationContextClassReferences(), text);
        return tree;
    }

    @Test
    void distortedVariantsMapTheSameBothWays() throws Exception {
        List<ObjectNode> records = fixtures();
        Random r = new Random(20261123);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            ObjectNode copy = records.get(r.nextInt(records.size())).deepCopy();
            int changes = 1 + r.nextInt(6);
            for (int k = 0; k < changes; k++) {
                distort(copy, r);
            }
            String text = r.nextInt(5) == 0 ? duplicateAKey(copy, r) : copy.toString();
            String[] b = both(text);
            assertEquals(b[0], b[1], text);
            if (b[0].startsWith("refused")) {
                refused++;
            }
        }
        assertTrue(refused > 30 && refused < 2900, "both accepted and refused variants were tried: " + refused);
    }

    /** One random change somewhere in the record. */
    private static void distort(JsonNode root, Random r) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        ObjectNode o = objects.get(r.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return;
        }
        String name = names.get(r.nextInt(names.size()));
        JsonNode v = o.get(name);
        switch (r.nextInt(12)) {
            case 0 -> renameKeepingPlace(o, name, r.nextBoolean() ? name.toUpperCase(Locale.ROOT)
                    : Character.toUpperCase(name.charAt(0)) + name.substring(1));
            case 1 -> o.putNull(name);
            case 2 -> o.put(name, "");
            case 3 -> o.put(name, v.isContainerNode() ? v.toString() : v.asText());
            case 4 -> o.put(name, r.nextInt(100));
            case 5 -> o.put(name, r.nextBoolean() ? "True" : "0");
            case 6 -> o.set(name, F.arrayNode().add(v.isContainerNode() ? "x" : v.asText()));
            case 7 -> o.set(name, F.objectNode().put("x", 1));
            case 8 -> o.put(name, r.nextBoolean() ? "2026-13-01T00:00:00Z" : "4/28/2021, 2:08:45.221 PM");
            case 9 -> o.put(name, r.nextDouble() * 1e6);
            case 10 -> o.remove(name);
            default -> o.put(name, "{\"errorCode\":\"" + r.nextInt(60000) + "\",\"city\":\"Lyon\"}");
        }
    }

    private static void objects(JsonNode n, List<ObjectNode> out) {
        if (n.isObject()) {
            out.add((ObjectNode) n);
        }
        n.forEach(c -> objects(c, out));
    }

    /** Renames a field in place (keeps the order of the others). */
    private static void renameKeepingPlace(ObjectNode o, String from, String to) {
        ObjectNode copy = o.deepCopy();
        o.removeAll();
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            o.set(e.getKey().equals(from) ? to : e.getKey(), e.getValue());
        }
    }

    /** The record's text with one top-level field written twice (as some exports do), once with another value. */
    private static String duplicateAKey(ObjectNode o, Random r) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        String name = names.get(r.nextInt(names.size()));
        String spelled = r.nextBoolean() ? name : name.toLowerCase(Locale.ROOT);
        ArrayNode junk = F.arrayNode().add("dup");
        String extra = "\"" + spelled + "\":" + (r.nextBoolean() ? junk : "\"dup-" + r.nextInt(9) + "\"");
        String text = o.toString();
        return r.nextBoolean() ? "{" + extra + "," + text.substring(1) : text.substring(0, text.length() - 1) + ","
                + extra + "}";
    }
}
