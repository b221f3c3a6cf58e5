package io.signdx.scenario.enterpriseapps.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

import io.signdx.conformance.Declaration;

import org.junit.jupiter.api.Test;

/** The data tables themselves: real codes with Microsoft's names, consistent pre-filters, renderable texts. */
class RuleTablesTest {

    @Test
    void everyCodeIsARealAadstsCodeWithMicrosoftsName() throws IOException {
        Map<Integer, Set<String>> reference = reference();
        List<String> wrong = new ArrayList<>();
        for (AppRule r : all()) {
            Set<String> names = reference.get(r.code());
            if (names == null) {
                wrong.add(r.code() + " is not in the reference lists");
            } else if (!names.contains(r.name() == null ? "" : r.name())) {
                wrong.add(r.code() + " is named " + r.name() + " but the reference says " + names);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void thePreFilterOfEachDetectorListsExactlyTheCodesOfItsTable() throws IOException {
        assertEquals(new TreeSet<>(ServiceProviderRules.TABLE.codes()), declaredCodes("ServiceProviderDetector"));
        assertEquals(new TreeSet<>(ConfigurationRules.TABLE.codes()), declaredCodes("AppConfigurationDetector"));
    }

    @Test
    void theTwoScenariosShareNoCode() {
        Set<Integer> both = new HashSet<>(ServiceProviderRules.TABLE.codes());
        both.retainAll(ConfigurationRules.TABLE.codes());
        assertEquals(Set.of(), both);
    }

    @Test
    void everyCodeHasADefaultRuleSoATableCodeAlwaysGetsAFinding() {
        for (RuleTable table : List.of(ServiceProviderRules.TABLE, ConfigurationRules.TABLE)) {
            for (int code : table.codes()) {
                SignIn bare = SignIn.builder().id("x").errorCode(code).build();
                assertTrue(table.match(new Facts(bare)).isPresent(), "no default rule for " + code);
            }
        }
    }

    @Test
    void everyTextRendersWithoutLeftoverPlaceholders() {
        SignIn full = SignIn.builder().id("r").userPrincipalName("ann@contoso.example").appId("app-1")
                .appDisplayName("Contoso HR").resourceDisplayName("Microsoft Graph").servicePrincipalName("HR sync")
                .clientCredentialType("clientSecret").status(new Status(1, "x 'https://hr.contoso.example/acs' y", null))
                .build();
        for (SignIn s : List.of(full, SignIn.builder().id("bare").build())) {
            Facts f = new Facts(s);
            for (AppRule r : all()) {
                assertNoPlaceholder(f.render(r.cause()), r);
                for (Step step : r.steps()) {
                    assertNoPlaceholder(f.render(step.text()), r);
                }
            }
        }
    }

    @Test
    void theSideThatMustChangeHasAStepAndClassificationsAreKebabCase() {
        for (AppRule r : all()) {
            assertTrue(r.steps().stream().anyMatch(s -> s.actor() == r.side()),
                    r.label() + ": no step for " + r.side());
            assertTrue(r.classification().matches("[a-z]+(-[a-z]+)*"), r.classification());
            assertFalse(r.cause().isBlank());
        }
    }

    private static void assertNoPlaceholder(String text, AppRule r) {
        assertFalse(text.matches("(?s).*\\{[a-zA-Z]+\\}.*"), r.label() + ": " + text);
    }

    private static List<AppRule> all() {
        List<AppRule> all = new ArrayList<>(ServiceProviderRules.TABLE.rules());
        all.addAll(ConfigurationRules.TABLE.rules());
        return all;
    }

    /** Code → names Microsoft gives it ("" for none); a code may be listed twice. */
    private static Map<Integer, Set<String>> reference() throws IOException {
        Map<Integer, Set<String>> m = new HashMap<>();
        read("/reference/aadsts-codes.tsv", (code, rest) -> m.computeIfAbsent(code, c -> new HashSet<>()).add(rest));
        read("/reference/aadsts-codes-not-in-reference.tsv", (code, rest) -> m.computeIfAbsent(code,
                c -> new HashSet<>()).add(""));
        return m;
    }

    private interface Row {
        void accept(int code, String second);
    }

    private static void read(String resource, Row row) throws IOException {
        try (InputStream in = RuleTablesTest.class.getResourceAsStream(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine(); // header
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] cells = line.split("\t", -1);
                row.accept(Integer.parseInt(cells[0].trim()), cells.length > 1 ? cells[1].trim() : "");
            }
        }
    }

    /** The codes in the detector's {@code @Detector(errorCodes = …)}. */
    private static Set<Integer> declaredCodes(String detector) {
        Class<?> type = detector.equals("ServiceProviderDetector") ? ServiceProviderDetector.class
                : AppConfigurationDetector.class;
        return new TreeSet<>(Declaration.of(type).errorCodes());
    }
}
