package io.signdx.policy.internal;

import static io.signdx.policy.internal.Eval.alice;
import static io.signdx.policy.internal.Eval.assertReason;
import static io.signdx.policy.internal.Eval.assertVerdict;
import static io.signdx.policy.internal.Eval.check;
import static io.signdx.policy.internal.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.signdx.policy.Condition;
import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Evaluation;
import io.signdx.policy.SignInFacts;
import io.signdx.policy.Verdict;

class DeviceFilterConditionTest {
    private static final String TRUSTED = "device.isCompliant -eq True -or device.trustType -eq \"ServerAD\"";
    private static final SignInFacts UNREGISTERED = alice().deviceProperties(Map.of()).build();
    private static final SignInFacts HYBRID = alice().deviceProperties(Map.of("deviceId", "d2", "trustType", "ServerAD",
            "isCompliant", "False")).build();
    private static final SignInFacts PERSONAL = alice().deviceProperties(Map.of("deviceId", "d3", "trustType", "Workplace",
            "isCompliant", "False")).build();

    private static ConditionVerdict filter(String mode, String rule, SignInFacts f) {
        return check(policy("p", "x").deviceFilter(mode, rule).build(), f, Condition.DEVICE_FILTER);
    }

    @Test
    void excludeModeExcludesMatchingDevices() {
        ConditionVerdict hybrid = filter("exclude", TRUSTED, HYBRID);
        assertVerdict(Verdict.NOT_SATISFIED, hybrid);
        assertEquals("the rule matches (isCompliant False, trustType ServerAD); matching devices are excluded", hybrid.reason());
        assertEquals("exclude devices matching " + TRUSTED, hybrid.configured());
        assertEquals("registered device (d2), trustType ServerAD", hybrid.signInValue());
        assertVerdict(Verdict.SATISFIED, filter("exclude", TRUSTED, PERSONAL));
    }

    @Test
    void includeModeIncludesMatchingDevices() {
        assertVerdict(Verdict.SATISFIED, filter("include", TRUSTED, HYBRID));
        ConditionVerdict personal = filter("include", TRUSTED, PERSONAL);
        assertVerdict(Verdict.NOT_SATISFIED, personal);
        assertReason(personal, "the rule does not match");
    }

    @Test
    void unregisteredDeviceWithPositiveOperators() {
        // every property is null: the positive rule does not match, so include mode leaves the device out and
        // exclude mode keeps it in (the policy applies)
        ConditionVerdict include = filter("include", TRUSTED, UNREGISTERED);
        assertVerdict(Verdict.NOT_SATISFIED, include);
        assertEquals("an unregistered device: every property is null; the rule does not match; matching devices are included",
                include.reason());
        assertEquals("unregistered device", include.signInValue());
        assertVerdict(Verdict.SATISFIED, filter("exclude", TRUSTED, UNREGISTERED));
    }

    @Test
    void unregisteredDeviceWithNegativeOperators() {
        String saw = "device.extensionAttribute1 -ne \"SAW\"";
        assertVerdict(Verdict.SATISFIED, filter("include", saw, UNREGISTERED));
        assertVerdict(Verdict.NOT_SATISFIED, filter("exclude", saw, UNREGISTERED));
    }

    @Test
    void unknownDeviceIsNotEnoughInformation() {
        Evaluation e = Eval.run(policy("p", "x").deviceFilter("exclude", TRUSTED).build(), alice().deviceProperties(null).build());
        ConditionVerdict v = Eval.verdict(e, "p", Condition.DEVICE_FILTER);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertEquals("the device's properties are unknown", v.reason());
        assertTrue(e.missing().contains("device properties (no device filter can be decided)"), e.missing().toString());
    }

    @Test
    void registeredDeviceWithoutTheRulesPropertiesIsUndecided() {
        SignInFacts partial = alice().deviceProperties(Map.of("deviceId", "d4", "isCompliant", "False")).build();
        ConditionVerdict v = filter("exclude", TRUSTED, partial);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertReason(v, "the rule cannot be decided (trustType unknown)");
        assertVerdict(Verdict.NOT_SATISFIED, filter("exclude", TRUSTED,
                alice().deviceProperties(Map.of("deviceId", "d4", "isCompliant", "True")).build()));
    }

    @Test
    void extensionAttributesNeedAManagedCompliantOrHybridDevice() {
        String saw = "device.extensionAttribute1 -eq \"SAW\"";
        SignInFacts managed = alice().deviceProperties(Map.of("deviceId", "d5", "isManaged", "True", "isCompliant", "False",
                "trustType", "AzureAD", "extensionAttribute1", "SAW")).build();
        assertVerdict(Verdict.SATISFIED, filter("include", saw, managed));
        SignInFacts unmanaged = alice().deviceProperties(Map.of("deviceId", "d6", "isManaged", "False", "isCompliant", "False",
                "trustType", "Workplace", "extensionAttribute1", "SAW")).build();
        ConditionVerdict v = filter("include", saw, unmanaged);
        assertVerdict(Verdict.NOT_SATISFIED, v);
        assertReason(v, "extension attributes count as null");
        SignInFacts unsure = alice().deviceProperties(Map.of("deviceId", "d7", "extensionAttribute1", "SAW")).build();
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, filter("include", saw, unsure));
    }

    @Test
    void badRuleIsNotEnoughInformationWithTheError() {
        Evaluation e = Eval.run(policy("p", "x").deviceFilter("exclude", "device.trustType -eqq \"ServerAD\"").build(), HYBRID);
        ConditionVerdict v = Eval.verdict(e, "p", Condition.DEVICE_FILTER);
        assertVerdict(Verdict.NOT_ENOUGH_INFORMATION, v);
        assertEquals("the rule has an error: unknown operator -eqq at column 18", v.reason());
        assertTrue(e.missing().stream().anyMatch(m -> m.contains("unknown operator -eqq")), e.missing().toString());
    }

    @Test
    void eachRuleTextIsParsedOnce() {
        ConditionalAccessEvaluator ev = Eval.evaluator();
        assertSame(ev.rule(TRUSTED), ev.rule(TRUSTED));
    }
}
