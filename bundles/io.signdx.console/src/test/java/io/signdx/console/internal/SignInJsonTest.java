package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.signdx.api.model.SignIn;
import io.signdx.console.internal.json.SignInJson;

import org.junit.jupiter.api.Test;

/** The search row's outcome, as the summary table and the status filter use it. */
class SignInJsonTest {
    @Test
    void interruptsAreNeitherSuccessNorFailure() {
        assertEquals("success", SignInJson.status(SignIn.builder().build()));
        assertEquals("interrupted", SignInJson.status(SignIn.builder().errorCode(50140).build()));
        assertEquals("interrupted", SignInJson.status(SignIn.builder().errorCode(50074).build()));
        assertEquals("failure", SignInJson.status(SignIn.builder().errorCode(50126).build()));
    }
}
