package io.signdx.tenant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader.Snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what they should be: each is named with what is wrong, and the rest still loads. */
class BadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Path good() throws Exception {
        return write("good.json", SnapshotShapesTest.POLICY);
    }

    private static Snapshot load(Path... paths) throws Exception {
        return new SnapshotLoader().load(List.of(paths));
    }

    private static String all(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void invalidJsonIsNamedWithLineAndColumnAndTheOtherFilesLoad() throws Exception {
        Path bad = write("bad.json", "{\r\n  \"value\": [\r\n    {\"id\": \"x\",, \"displayName\": \"y\"}\r\n  ]\r\n}\r\n");
        Snapshot s = load(good(), bad);
        assertEquals(1, s.tenant().policies().size());
        String warning = s.warnings().stream().filter(w -> w.startsWith("bad.json")).findFirst().orElseThrow();
        assertTrue(warning.startsWith("bad.json: is not valid JSON at line 3, column 16: Unexpected character (','"),
                warning);
        assertTrue(s.files().get(0).startsWith("bad.json: not read: is not valid JSON at line 3, column 16"));
    }

    @Test
    void jsonThatIsNoPartOfASnapshotSaysWhatItLookedLikeAndWhatWasTried() throws Exception {
        Path signIns = write("signins.json", """
                {"@odata.context": "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns",
                 "value": [{"id": "66ea54eb", "createdDateTime": "2026-11-16T08:00:00Z", "appDisplayName": "Teams",
                   "status": {"errorCode": 0}}]}""");
        Path app = write("app.json", """
                {"@odata.type": "#microsoft.graph.application", "appId": "x", "signInAudience": "AzureADMyOrg"}""");
        Path number = write("number.json", "42");
        Snapshot s = load(good(), signIns, app, number);
        assertTrue(s.warnings().contains("signins.json: is JSON but no part of a tenant snapshot: it looks like a Graph "
                + "list response (@odata.context \"…#auditLogs/signIns\") of 1 entries, the first an object with keys "
                + "id, createdDateTime, appDisplayName, status (tried as " + Kind.TRIED + ")"), all(s.warnings()));
        assertTrue(s.warnings().contains("app.json: is JSON but no part of a tenant snapshot: it looks like an object of "
                + "type \"#microsoft.graph.application\" with keys @odata.type, appId, signInAudience (tried as "
                + Kind.TRIED + ")"), all(s.warnings()));
        assertTrue(s.warnings().contains("number.json: is JSON but no part of a tenant snapshot: it looks like a single "
                + "value, the number 42 (tried as " + Kind.TRIED + ")"), all(s.warnings()));
        assertTrue(s.files().contains("signins.json: nothing of a tenant snapshot (UTF-8)"), all(s.files()));
    }

    @Test
    void aMalformedEntryIsSkippedWithItsNumberAndTheOthersLoad() throws Exception {
        Path policies = write("policies.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/policies",
                 "value": [%s,
                   {"id": "c2222222-2222-4222-8222-222222222222", "displayName": "No conditions", "state": "enabled"},
                   {"id": "c3333333-3333-4333-8333-333333333333", "displayName": "Text", "conditions": "all of them"},
                   {"id": "c4444444-4444-4444-8444-444444444444", "conditions": {"users": {"includeUsers": ["All"]}},
                    "grantControls": {"builtInControls": 7}},
                   "a string",
                   {"@odata.type": "#microsoft.graph.group", "id": "a1111111-1111-4111-8111-111111111111"}]}
                """.formatted(SnapshotShapesTest.POLICY));
        Snapshot s = load(policies);
        assertEquals(1, s.tenant().policies().size());
        assertTrue(s.warnings().contains("policies.json entry 2: a conditional access policy without conditions; "
                + "skipped"), all(s.warnings()));
        assertTrue(s.warnings().contains("policies.json entry 3: conditions: expected an object, found the text "
                + "\"all of them\"; skipped"), all(s.warnings()));
        assertTrue(s.warnings().contains("policies.json entry 4: grantControls.builtInControls: expected a list, found "
                + "the number 7; skipped"), all(s.warnings()));
        assertTrue(s.warnings().contains("policies.json entry 5: expected an object, found the text \"a string\"; "
                + "skipped"), all(s.warnings()));
        assertEquals("policies.json: 1 conditional access policy, 1 group, 4 entries skipped (UTF-8)", s.files().get(0),
                "a typed entry counts as what its type says, whatever the list is");
    }

    @Test
    void aListOfOnlyBadEntriesDoesNotClaimTheTenantHasNone() throws Exception {
        Snapshot s = load(good(), write("locations.json", """
                {"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#identity/conditionalAccess/namedLocations",
                 "value": [{"displayName": "no id", "ipRanges": []}, 42]}"""));
        assertTrue(s.missing().contains(io.signdx.api.tenant.TenantPart.NAMED_LOCATIONS), "unknown, not empty");
        assertTrue(s.files().contains("locations.json: nothing usable, 2 entries skipped (UTF-8)"), all(s.files()));
        assertTrue(s.warnings().contains("locations.json entry 1: a named location without an id; skipped"));
        assertTrue(s.warnings().contains("locations.json entry 2: expected an object, found the number 42; skipped"));
    }

    @Test
    void oneUnrecognisedValueAmongSeveralIsNamed() throws Exception {
        Snapshot s = load(write("two.json", SnapshotShapesTest.POLICY + "\n{\"hello\": 1}\n"));
        assertEquals(1, s.tenant().policies().size());
        assertTrue(s.warnings().contains("two.json value 2: is JSON but no part of a tenant snapshot: it looks like an "
                + "object with keys hello (tried as " + Kind.TRIED + ")"), all(s.warnings()));
        assertEquals("two.json: 1 conditional access policy (UTF-8)", s.files().get(0));
    }

    @Test
    void aCombinedFileWithStrangeKeysSaysSo() throws Exception {
        Snapshot s = load(write("combined.json", """
                {"policies": [%s], "namedLocations": "none", "devices": [], "@odata.context": "ignored",
                 "exportedDateTime": "2026-11-16T00:00:00Z"}""".formatted(SnapshotShapesTest.POLICY)));
        assertEquals(1, s.tenant().policies().size());
        assertTrue(s.warnings().contains("combined.json: namedLocations: expected a list or a Graph list response, "
                + "found the text \"none\"; ignored"), all(s.warnings()));
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("combined.json: key \"devices\" names no part of a "
                + "snapshot and was ignored")), all(s.warnings()));
        assertEquals(3, s.warnings().size(), all(s.warnings()));
    }

    @Test
    void notTextBrokenGzipAndEmptyFilesAreNamed() throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"displayName\": \"Zürich\"}".getBytes(StandardCharsets.ISO_8859_1));
        Path gz = dir.resolve("broken.json.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        Path empty = write("empty.json", " \r\n ");
        Snapshot s = load(good(), latin1, gz, empty, dir.resolve("missing.json"));
        assertTrue(s.warnings().contains("latin1.json: is not UTF-8 text (a JSON export is UTF-8 or UTF-16)"),
                all(s.warnings()));
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("broken.json.gz: starts like gzip but does not "
                + "unpack")), all(s.warnings()));
        assertTrue(s.warnings().contains("empty.json: is empty"));
        assertTrue(s.warnings().contains(dir.resolve("missing.json") + ": no such file or folder"), all(s.warnings()));
        assertEquals(1, s.tenant().policies().size());
    }

    @Test
    void nothingReadableFailsNamingEveryFileAndWhy() throws Exception {
        Path folder = dir.resolve("snapshot");
        write("snapshot/a.json", "{\"value\": [");
        write("snapshot/b.json", "{\"hello\": \"world\"}");
        TenantLoadException e = assertThrows(TenantLoadException.class, () -> load(folder));
        assertTrue(e.getMessage().startsWith("no tenant snapshot could be read from " + folder + ":\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  a.json: is not valid JSON at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  b.json: is JSON but no part of a tenant snapshot: it looks like an object "
                + "with keys hello"), e.getMessage());
    }

    @Test
    void anEmptyFolderOrNoPathFails() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        write("empty/readme.txt", "no json here");
        TenantLoadException e = assertThrows(TenantLoadException.class, () -> load(empty));
        assertTrue(e.getMessage().endsWith(empty + ": holds no .json or .json.gz files"), e.getMessage());
        assertThrows(TenantLoadException.class, () -> new SnapshotLoader().load(List.of()));
        TenantLoadException onlyBad = assertThrows(TenantLoadException.class, () -> load(write("p.json", """
                {"@odata.type": "#microsoft.graph.conditionalAccessPolicy", "displayName": "no conditions"}""")));
        assertTrue(onlyBad.getMessage().contains("p.json: a conditional access policy without conditions; skipped"),
                onlyBad.getMessage());
    }

    /**
     * Every field of real policies and of a combined file replaced, one at a time, by a value of another
     * type: the loader reports or skips, it never fails with anything but a {@link TenantLoadException}.
     */
    @Test
    void mutatedFilesNeverMakeTheLoaderThrow() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> originals = new ArrayList<>();
        try (Stream<Path> s = Files.walk(PolicyRepositoryTest.REPOSITORY)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().limit(12).toList()) {
                originals.add(json.readTree(f.toFile()));
            }
        }
        originals.add(json.readTree(SnapshotShapesTest.COMBINED));
        JsonNode[] replacements = {NullNode.instance, TextNode.valueOf("<odd>"), IntNode.valueOf(-1),
            BooleanNode.TRUE, json.createArrayNode().add(7).add(json.createObjectNode()), json.createObjectNode(),
            json.createObjectNode().put("value", "x"), json.createArrayNode().add("x,y")};
        Random random = new Random(4);
        SnapshotLoader loader = new SnapshotLoader();
        int loads = 0;
        for (JsonNode original : originals) {
            List<String> paths = new ArrayList<>();
            collect(original, "", paths);
            for (String path : paths) {
                JsonNode copy = original.deepCopy();
                replace(copy, path, replacements[random.nextInt(replacements.length)]);
                Path f = dir.resolve("mutated.json");
                Files.writeString(f, json.writeValueAsString(copy));
                try {
                    loader.load(List.of(f));
                } catch (TenantLoadException expected) {
                    // nothing readable is a valid answer
                }
                loads++;
            }
        }
        assertTrue(loads > 300, "mutations tried: " + loads);
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> {
                out.add(path + "/" + k);
                collect(node.get(k), path + "/" + k, out);
            });
        } else if (node.isArray()) {
            // the first entries of a list stand for the rest (policies list a hundred roles)
            for (int i = 0; i < Math.min(2, node.size()); i++) {
                out.add(path + "/" + i);
                collect(node.get(i), path + "/" + i, out);
            }
        }
    }

    private static void replace(JsonNode root, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }

    @Test
    void deepOrHugeInputIsRefusedNotFollowed() throws Exception {
        Path deep = write("deep.json", "[".repeat(5000) + "]".repeat(5000));
        Snapshot s = load(good(), deep);
        assertTrue(s.warnings().stream().anyMatch(w -> w.startsWith("deep.json: is not valid JSON")
                && w.contains("nesting depth")), all(s.warnings()));
    }
}
