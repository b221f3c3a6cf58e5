package io.signdx.policy.internal.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    /** A device whose properties are the map's entries; absent properties are unknown, "" is null. */
    static DeviceView device(Map<String, String> props) {
        return new DeviceView() {
            @Override
            public boolean isKnown(DeviceProperty p) {
                return props.containsKey(p.propertyName());
            }

            @Override
            public String text(DeviceProperty p) {
                String v = props.get(p.propertyName());
                return v == null || v.isEmpty() ? null : v;
            }

            @Override
            public List<String> items(DeviceProperty p) {
                String v = text(p);
                return v == null ? List.of() : List.of(v.split(","));
            }
        };
    }

    /** An unregistered device: every property known to be null. */
    static final DeviceView UNREGISTERED = new DeviceView() {
        @Override
        public boolean isKnown(DeviceProperty p) {
            return true;
        }

        @Override
        public String text(DeviceProperty p) {
            return null;
        }

        @Override
        public List<String> items(DeviceProperty p) {
            return List.of();
        }
    };

    private static final Map<String, String> LAPTOP = Map.of("trustType", "ServerAD", "isCompliant", "True",
            "operatingSystem", "Windows", "operatingSystemVersion", "10.0.19045", "displayName", "NW-LT-0042",
            "model", "Surface Laptop 5", "manufacturer", "Microsoft Corporation", "deviceOwnership", "Company",
            "extensionAttribute1", "SAW", "physicalIds", "[ZTDId]:a1b2,[OrderId]:PO-77");

    private static Tri eval(String rule, Map<String, String> props) {
        ParsedRule r = RuleParser.parse(rule);
        assertTrue(r.ok(), () -> "did not parse: " + rule + " — " + r.error());
        return r.evaluate(device(props));
    }

    private static String error(String rule) {
        ParsedRule r = RuleParser.parse(rule);
        assertFalse(r.ok(), () -> "parsed although wrong: " + rule);
        assertNull(r.root());
        return r.error();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "device.trustType -eq \"ServerAD\"                            | TRUE",
        "device.trustType -eq \"serverad\"                            | TRUE",
        "device.trustType -eq \"AzureAD\"                             | FALSE",
        "device.trustType -ne \"AzureAD\"                             | TRUE",
        "device.displayName -startsWith \"nw-\"                        | TRUE",
        "device.displayName -notStartsWith \"NW-\"                     | FALSE",
        "device.displayName -endsWith \"0042\"                         | TRUE",
        "device.displayName -notEndsWith \"0042\"                      | FALSE",
        "device.model -contains \"LAPTOP\"                             | TRUE",
        "device.model -notContains \"Surface\"                         | FALSE",
        "device.operatingSystemVersion -in [\"10.0.19045\", \"10.0.22631\"] | TRUE",
        "device.operatingSystemVersion -notIn [\"10.0.19045\"]         | FALSE",
        "device.operatingSystemVersion -in []                        | FALSE",
        "device.isCompliant -eq True                                  | TRUE",
        "device.isCompliant -eq \"True\"                              | TRUE",
        "device.isCompliant -eq false                                 | FALSE",
        "device.isCompliant -ne False                                 | TRUE",
        "device.physicalIds -contains \"[ZTDId]:a1b2\"                 | TRUE",
        "device.physicalIds -contains \"[ZTDId]\"                      | FALSE",
        "device.physicalIds -notContains \"[ZTDId]:zzz\"               | TRUE",
        "device.deviceOwnership -eq \"Company\"                       | TRUE",
        "device.extensionAttribute1 -eq \"SAW\"                       | TRUE",
        "device.extensionAttribute2 -eq null                          | UNKNOWN",
        "device.enrollmentProfileName -eq \"Autopilot\"               | UNKNOWN",
        "device.trustType eq \"ServerAD\"                             | TRUE",
        "device.trustType -EQ \"ServerAD\"                            | TRUE",
        "device.TRUSTTYPE -eq \"ServerAD\"                            | TRUE",
        "device.trustType –eq \"ServerAD\"                            | TRUE",
        "device.trustType -eq 'ServerAD'                              | TRUE",
        "device.displayName -eq 'NW-LT-0042' -or device.displayName -eq 'O''Brien' | TRUE",
    })
    void everyOperator(String rule, Tri expected) {
        assertEquals(expected, eval(rule, LAPTOP));
    }

    @Test
    void andBindsTighterThanOr() {
        // false -or (true -and false) = false; read left to right it would be (false -or true) -and false = false too,
        // so use a case that differs: true -or false -and false = true with precedence, false without
        String rule = "device.trustType -eq \"ServerAD\" -or device.trustType -eq \"AzureAD\" -and device.isCompliant -eq False";
        assertEquals(Tri.TRUE, eval(rule, LAPTOP));
        String grouped = "(device.trustType -eq \"ServerAD\" -or device.trustType -eq \"AzureAD\") -and device.isCompliant -eq False";
        assertEquals(Tri.FALSE, eval(grouped, LAPTOP));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertEquals(Tri.TRUE, eval("-not device.isCompliant -eq False -and device.trustType -eq \"ServerAD\"", LAPTOP));
        assertEquals(Tri.FALSE, eval("-not (device.isCompliant -eq True -and device.trustType -eq \"ServerAD\")", LAPTOP));
        assertEquals(Tri.TRUE, eval("not not device.isCompliant -eq True", LAPTOP));
    }

    @Test
    void nestedParentheses() {
        assertEquals(Tri.TRUE, eval("((device.model -contains \"Surface\") -and (device.manufacturer -startsWith \"Microsoft\"))"
                + " -or (device.trustType -eq \"Workplace\")", LAPTOP));
    }

    @Test
    void unknownPropertiesOnlyMatterWhenTheyCouldChangeTheResult() {
        Map<String, String> partial = Map.of("isCompliant", "True");
        assertEquals(Tri.TRUE, eval("device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"", partial));
        assertEquals(Tri.UNKNOWN, eval("device.isCompliant -eq False -or device.trustType -eq \"ServerAD\"", partial));
        assertEquals(Tri.FALSE, eval("device.isCompliant -eq False -and device.trustType -eq \"ServerAD\"", partial));
        assertEquals(Tri.UNKNOWN, eval("-not device.trustType -eq \"ServerAD\"", partial));
    }

    @Test
    void nullPropertiesFailPositiveAndPassNegativeOperators() {
        String[] positive = {"device.trustType -eq \"AzureAD\"", "device.displayName -startsWith \"a\"",
            "device.displayName -endsWith \"a\"", "device.model -contains \"a\"", "device.deviceId -in [\"a\"]",
            "device.systemLabels -contains \"M365Managed\"", "device.isCompliant -eq True"};
        for (String rule : positive) {
            assertEquals(Tri.FALSE, RuleParser.parse(rule).evaluate(UNREGISTERED), rule);
            String negated = rule.replace("-eq", "-ne").replace("-startsWith", "-notStartsWith")
                    .replace("-endsWith", "-notEndsWith").replace("-contains", "-notContains").replace("-in", "-notIn");
            assertEquals(Tri.TRUE, RuleParser.parse(negated).evaluate(UNREGISTERED), negated);
        }
        assertEquals(Tri.TRUE, RuleParser.parse("device.extensionAttribute1 -eq null").evaluate(UNREGISTERED));
        assertEquals(Tri.FALSE, RuleParser.parse("device.extensionAttribute1 -ne null").evaluate(UNREGISTERED));
    }

    @Test
    void emptyStringIsNull() {
        Map<String, String> props = new HashMap<>(LAPTOP);
        props.put("extensionAttribute1", "");
        assertEquals(Tri.TRUE, eval("device.extensionAttribute1 -eq null", props));
        assertEquals(Tri.FALSE, eval("device.extensionAttribute1 -startsWith \"S\"", props));
    }

    @Test
    void escapesInStrings() {
        Map<String, String> props = Map.of("displayName", "the \"SAW\" one");
        assertEquals(Tri.TRUE, eval("device.displayName -eq \"the `\"SAW`\" one\"", props));
        assertEquals(Tri.TRUE, eval("device.displayName -contains '\"SAW\"'", props));
    }

    @Test
    void recordsThePropertiesItReads() {
        ParsedRule r = RuleParser.parse("device.isCompliant -eq True -or device.trustType -eq \"ServerAD\" -or device.isCompliant -eq False");
        assertEquals(List.of(DeviceProperty.IS_COMPLIANT, DeviceProperty.TRUST_TYPE), r.properties());
        assertFalse(r.readsExtensionAttributes());
        assertTrue(RuleParser.parse("device.extensionAttribute7 -eq \"x\"").readsExtensionAttributes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "device.trustType -eqq \"ServerAD\"                  | unknown operator -eqq at column 18",
        "device.colour -eq \"red\"                           | unknown property device.colour at column 1",
        "device.trustType -eq \"ServerAD                     | unterminated string starting at column 22",
        "device.trustType -eq                               | expected a value after -eq at column 21, found the end of the rule",
        "device.trustType -eq -and device.isCompliant -eq True | expected a value after -eq at column 22, found -and",
        "device.trustType -eq ServerAD                      | expected a value after -eq at column 22: put text in double quotes, e.g. \"ServerAD\"",
        "(device.trustType -eq \"AzureAD\"                   | missing ) for the ( at column 1",
        "device.trustType -eq \"AzureAD\")                   | unexpected ) at column 31 (no ( is open)",
        "device.trustType -eq \"AzureAD\" device.isCompliant -eq True | expected -and or -or at column 32, found device.isCompliant",
        "device.trustType -eq \"AzureAD\" -and               | expected a condition at column 36, found the end of the rule",
        "device.deviceTrustType -eq \"AzureAD\"              | unknown property device.deviceTrustType at column 1 (filters for devices call it device.trustType)",
        "device.displayName -match \"^NW\"                   | operator -match at column 20 is not supported by filters for devices",
        "device.displayName -notMatch \"^NW\"                | operator -notMatch at column 20 is not supported by filters for devices",
        "device.deviceId -startsWith \"a\"                   | operator -startsWith at column 17 is not supported for device.deviceId (supported: -eq, -ne, -in, -notIn)",
        "device.trustType -contains \"AD\"                   | operator -contains at column 18 is not supported for device.trustType (supported: -eq, -ne)",
        "device.physicalIds -eq \"x\"                        | operator -eq at column 20 is not supported for device.physicalIds (supported: -contains, -notContains)",
        "device.isCompliant -eq \"yes\"                      | device.isCompliant takes True or False, not \"yes\" (column 24)",
        "device.isCompliant -eq maybe                       | device.isCompliant takes True or False, not maybe (column 24)",
        "device.displayName -in \"a\"                        | expected a list such as [\"a\",\"b\"] after -in at column 24, found \"a\"",
        "device.displayName -eq [\"a\"]                      | a list at column 24 needs -in or -notIn, not -eq",
        "device.displayName -in [\"a\" \"b\"]                 | expected , or ] at column 29, found \"b\"",
        "device.displayName -in [\"a\",                      | missing ] for the [ at column 24",
        "device.displayName -in [a]                         | expected a string in double quotes at column 25 in the list after -in, found a",
        "device.displayName -startsWith null                | null at column 32 can only be compared with -eq or -ne",
        "user.department -eq \"Sales\"                       | filters for devices read device properties only: user.department at column 1",
        "trustType -eq \"AzureAD\"                           | expected a property such as device.trustType at column 1, found trustType",
        "-eq \"AzureAD\"                                     | expected a property before -eq at column 1",
        "device.trustType == \"AzureAD\"                     | unexpected character '=' at column 18: operators are written -eq, -ne, -startsWith …",
        "device.trustType                                   | expected an operator after device.trustType at column 17, found the end of the rule",
        "device.trustType \"AzureAD\"                        | expected an operator after device.trustType at column 18, found \"AzureAD\"",
        "device.systemLabels -any (_ -eq \"x\")              | operator -any at column 21 is not supported by filters for devices",
        "device.trustType -eq “AzureAD”                     | curly quote at column 22: write strings in straight double quotes (\")",
        ")                                                  | unexpected ) at column 1 (a condition was expected)",
    })
    void errorsNameTheColumn(String rule, String expected) {
        assertEquals(expected, error(rule.strip()));
    }

    @Test
    void emptyAndOverlongRules() {
        assertEquals("the rule is empty", error("   "));
        assertEquals("the rule is empty", RuleParser.parse(null).error());
        String tooLong = "device.displayName -eq \"" + "x".repeat(RuleParser.MAX_LENGTH) + "\"";
        assertTrue(error(tooLong).startsWith("the rule is " + tooLong.length() + " characters long"));
    }

    @Test
    void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "(".repeat(RuleParser.MAX_DEPTH + 5) + "device.isCompliant -eq True" + ")".repeat(RuleParser.MAX_DEPTH + 5);
        assertTrue(error(deep).startsWith("the rule nests deeper than " + RuleParser.MAX_DEPTH + " levels"));
        String nots = "-not ".repeat(RuleParser.MAX_DEPTH + 1) + "device.isCompliant -eq True";
        assertTrue(error(nots).startsWith("the rule nests deeper than"));
    }

    @Test
    void anUnparsedRuleIsUnknown() {
        ParsedRule bad = RuleParser.parse("device.x -eq \"y\"");
        assertEquals(Tri.UNKNOWN, bad.evaluate(UNREGISTERED));
        assertEquals(List.of(), bad.properties());
    }

    @Test
    void everyDocumentedPropertyParses() {
        for (DeviceProperty p : DeviceProperty.values()) {
            Operator op = p.operators().contains(Operator.EQ) ? Operator.EQ : Operator.CONTAINS;
            String value = p.kind() == DeviceProperty.Kind.BOOLEAN ? "True" : "\"x\"";
            ParsedRule r = RuleParser.parse("device." + p.propertyName() + " " + op.text() + " " + value);
            assertTrue(r.ok(), p + ": " + r.error());
        }
        assertEquals(29, DeviceProperty.values().length, "14 properties plus extensionAttribute1-15");
    }
}
