package io.signdx.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.catalog.ErrorCode;

import org.junit.jupiter.api.Test;

/**
 * Checks the shipped data against the reference lists in src/test/resources/reference (see
 * PROVENANCE.md there): every documented code must be explained, with Microsoft's name where known.
 */
class CatalogDataTest {
    private final Catalog catalog = new Catalog();

    /** code → name from a TSV; a code listed twice keeps the non-empty name (50147 is listed twice). */
    private static Map<Integer, String> tsv(String resource) throws IOException {
        Map<Integer, String> codes = new LinkedHashMap<>();
        try (InputStream in = CatalogDataTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing from the test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = reader.readLine();
            assertTrue(header.startsWith("code\t"), header);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                String value = cells.length > 1 ? cells[1].strip() : "";
                codes.merge(Integer.parseInt(cells[0].strip()), value, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        return codes;
    }

    @Test
    void referenceListsHaveTheExpectedSize() throws IOException {
        // Guards against a truncated fixture making the coverage tests below pass vacuously.
        assertEquals(345, tsv("/reference/aadsts-codes.tsv").size());
        assertEquals(18, tsv("/reference/aadsts-codes-not-in-reference.tsv").size());
    }

    @Test
    void everyReferenceCodeHasACompleteEntryWithMicrosoftsName() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> row : tsv("/reference/aadsts-codes.tsv").entrySet()) {
            check(row.getKey(), problems);
            String expected = row.getValue();
            catalog.lookup(row.getKey()).ifPresent(e -> {
                if (!expected.isEmpty() && !expected.equals(e.name())) {
                    problems.add(e.label() + " is named " + e.name() + ", the reference says " + expected);
                }
            });
        }
        assertEquals(List.of(), problems);
        assertEquals("MissingCodeChallenge", catalog.lookup(50147).orElseThrow().name());
    }

    @Test
    void everyCodeFromOtherMicrosoftPagesHasACompleteEntry() throws IOException {
        List<String> problems = new ArrayList<>();
        for (int code : tsv("/reference/aadsts-codes-not-in-reference.tsv").keySet()) {
            check(code, problems);
        }
        assertEquals(List.of(), problems);
    }

    private void check(int code, List<String> problems) {
        var found = catalog.lookup(code);
        if (found.isEmpty()) {
            problems.add("AADSTS" + code + " has no entry");
            return;
        }
        ErrorCode e = found.get();
        if (e.explanation() == null || e.explanation().isBlank()) {
            problems.add(e.label() + " has no explanation");
        }
        if (e.remediation() == null || e.remediation().isBlank()) {
            problems.add(e.label() + " has no remediation");
        }
        if (e.actor() == null) {
            problems.add(e.label() + " has no actor");
        }
        if (!e.links().contains("https://login.microsoftonline.com/error?code=" + code)) {
            problems.add(e.label() + " lacks the error lookup link");
        }
        if (e.category() == null || !e.category().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            problems.add(e.label() + " has category " + e.category());
        }
    }

    @Test
    void theRawDataHasNoDuplicateCodesAndIsSorted() throws IOException {
        JsonNode root;
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(Catalog.RESOURCE)) {
            root = new ObjectMapper().readTree(in);
        }
        Set<Integer> seen = new HashSet<>();
        List<Integer> order = new ArrayList<>();
        for (JsonNode entry : root) {
            int code = entry.get("code").intValue();
            assertTrue(seen.add(code), "AADSTS" + code + " appears twice in the data");
            order.add(code);
        }
        assertEquals(new ArrayList<>(new TreeSet<>(order)), order, "entries are kept in code order for review");
        assertEquals(root.size(), catalog.all().size());
    }

    @Test
    void textsAreWrittenPerCodeNotTemplated() {
        List<ErrorCode> all = List.copyOf(catalog.all());
        long explanations = all.stream().map(ErrorCode::explanation).distinct().count();
        long remediations = all.stream().map(ErrorCode::remediation).distinct().count();
        assertTrue(explanations >= all.size() * 0.95, explanations + " distinct explanations of " + all.size());
        assertTrue(remediations >= all.size() * 0.90, remediations + " distinct remediations of " + all.size());
        // A single template word-for-word would show as one dominating opening.
        Map<String, Integer> openings = new HashMap<>();
        all.forEach(e -> openings.merge(e.explanation().split(" ", 6).length < 6 ? e.explanation()
                : String.join(" ", List.of(e.explanation().split(" ", 6)).subList(0, 5)), 1, Integer::sum));
        int worst = openings.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        assertTrue(worst < all.size() / 20, "one five-word opening is used " + worst + " times");
        for (ErrorCode e : all) {
            assertTrue(e.explanation().length() >= 40 && e.explanation().length() <= 600,
                    e.label() + " explanation length " + e.explanation().length());
            assertTrue(e.remediation().length() >= 15 && e.remediation().length() <= 600,
                    e.label() + " remediation length " + e.remediation().length());
            assertFalse(e.explanation().contains("{") || e.remediation().contains("{"),
                    e.label() + " still has a placeholder");
        }
    }

    @Test
    void keyCodesSayWhatAdminsExpect() {
        // Spot checks on the meaning of the codes seen most often in sign-in logs.
        assertContains(50126, "password", "tenant");
        assertContains(50053, "lock", "malicious");
        assertContains(50105, "assign");
        assertContains(65001, "consent");
        assertContains(700016, "tenant");
        assertContains(7000215, "secret");
        assertContains(53003, "Conditional Access");
        assertContains(50076, "multifactor");
        assertContains(500121, "MFA");
        assertContains(81001, "Kerberos");
        assertContains(80001, "agent");
        assertEquals("seamless-sso", catalog.lookup(81013).orElseThrow().category());
        assertEquals("pass-through-authentication", catalog.lookup(80014).orElseThrow().category());
    }

    private void assertContains(int code, String... words) {
        ErrorCode e = catalog.lookup(code).orElseThrow();
        for (String w : words) {
            assertTrue(e.explanation().toLowerCase().contains(w.toLowerCase()), e.label() + " should mention " + w
                    + ": " + e.explanation());
        }
    }
}
