package io.signdx.scenario.mfa.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptOutcomeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "MFA denied; user declined the authentication|DENIED",
        "MFA denied; Phone App Reported Fraud|DENIED",
        "User reported suspicious activity|DENIED",
        "MFA denied; user did not respond to mobile app notification|TIMED_OUT",
        "MFA denied; no phone input - timed out|TIMED_OUT",
        "MFA denied; user did not select the correct number|WRONG_NUMBER",
        "MFA denied; invalid verification code|WRONG_CODE",
        "User did not pass the MFA challenge (non interactive)|NON_INTERACTIVE",
        "MFA denied; phone unreachable|METHOD_UNAVAILABLE",
        "User has not registered any MFA method|NOT_SET_UP",
        "MFA successfully completed|OTHER",
        "'   '|UNKNOWN"})
    void resultDetailsMapToOutcomes(String text, PromptOutcome expected) {
        assertEquals(expected, PromptOutcome.of(text));
    }

    @ParameterizedTest
    @CsvSource({"MFA denied; Phone App Reported Fraud,true", "MFA denied; user declined the authentication,false"})
    void fraudIsRecognised(String text, boolean fraud) {
        assertEquals(fraud, PromptOutcome.fraud(text));
        assertTrue(PromptOutcome.of(text).unanswered());
        assertFalse(PromptOutcome.of(null).unanswered());
    }
}
