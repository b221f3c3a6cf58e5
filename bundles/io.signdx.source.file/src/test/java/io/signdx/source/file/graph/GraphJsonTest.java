package io.signdx.source.file.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.FileSignInReader;

import org.junit.jupiter.api.Test;

class GraphJsonTest {
    private static Path resource(String name) throws Exception {
        return Path.of(GraphJsonTest.class.getResource("/" + name).toURI());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        List<SignIn> all = new ArrayList<>();
        FileSignInReader reader = new FileSignInReader();
        for (String f : List.of("json/portal-array.json", "public/azure-monitor-record-example.json",
                "json/log-analytics-rows.json", "csv/InteractiveSignIns_2026-03-02_2026-03-03.csv")) {
            reader.read(resource(f), false, all::add);
        }
        for (SignIn s : all) {
            SignIn back = GraphJson.fromJson(GraphJson.toJson(s), s.raw(), s.origin());
            assertEquals(GraphJson.toJson(s), GraphJson.toJson(back), "round trip of " + s.origin());
            assertEquals(s.appliedConditionalAccessPolicies(), back.appliedConditionalAccessPolicies());
            assertEquals(s.authenticationDetails(), back.authenticationDetails());
            assertEquals(s.location(), back.location());
            assertEquals(s.deviceDetail(), back.deviceDetail());
            assertEquals(s.risk(), back.risk());
            assertEquals(s.originalTransferMethod(), back.originalTransferMethod());
            assertEquals(s.authenticationContextClassReferences(), back.authenticationContextClassReferences());
            assertEquals(s, back);
        }
        assertEquals(8, all.size(), "2 + 1 + 1 + 4 records in the four files");
    }

    @Test
    void transferMethodAndAuthenticationContextsSurviveTheRoundTrip() throws Exception {
        List<SignIn> all = new ArrayList<>();
        FileSignInReader reader = new FileSignInReader();
        for (String f : List.of("json/graph-beta-auth-context.json", "json/azure-monitor-auth-context.json",
                "json/log-analytics-auth-context.json", "csv/SigninLogs_authcontext_loganalytics_export.csv")) {
            reader.read(resource(f), false, all::add);
        }
        SignIn.Builder made = SignIn.builder().id("made").originalTransferMethod("authenticationTransfer");
        all.add(made.authenticationContextClassReferences(List.of(new AuthenticationContext("c1", null),
                new AuthenticationContext("urn:user:registerdevice", "notApplicable"))).build());
        all.add(made.authenticationContextClassReferences(List.of()).build());
        all.add(made.originalTransferMethod(null).authenticationContextClassReferences(null).build());
        assertEquals(7 + 3 + 4 + 4 + 3, all.size());
        int withContexts = 0;
        for (SignIn s : all) {
            SignIn back = GraphJson.fromJson(GraphJson.toJson(s), s.raw(), s.origin());
            assertEquals(s.originalTransferMethod(), back.originalTransferMethod(), s.id());
            assertEquals(s.authenticationContextClassReferences(), back.authenticationContextClassReferences(), s.id());
            assertEquals(GraphJson.toJson(s), GraphJson.toJson(back), s.id());
            if (s.authenticationContextClassReferences() != null && !s.authenticationContextClassReferences().isEmpty()) {
                withContexts++;
            }
        }
        assertTrue(withContexts >= 8, "sign-ins with entries: " + withContexts);
    }

    @Test
    void notRecordedIsOmittedAndNothingAskedForIsAnEmptyList() {
        SignIn.Builder b = SignIn.builder().id("x");
        String absent = GraphJson.toJson(b.build());
        assertFalse(absent.contains("originalTransferMethod"), absent);
        assertFalse(absent.contains("authenticationContextClassReferences"), absent);
        assertNull(GraphJson.fromJson(absent, null, null).authenticationContextClassReferences());

        String empty = GraphJson.toJson(b.authenticationContextClassReferences(List.of()).build());
        assertTrue(empty.contains("\"authenticationContextClassReferences\":[]"), empty);
        assertSame(List.of(), GraphJson.fromJson(empty, null, null).authenticationContextClassReferences());

        String given = GraphJson.toJson(b.originalTransferMethod("deviceCodeFlow").authenticationContextClassReferences(
                List.of(new AuthenticationContext("c1", "required"), new AuthenticationContext("c2", null))).build());
        assertTrue(given.endsWith(",\"originalTransferMethod\":\"deviceCodeFlow\",\"authenticationContextClassReferences\":"
                + "[{\"id\":\"c1\",\"detail\":\"required\"},{\"id\":\"c2\"}]}"), given);
    }

    @Test
    void textThatIsNotJsonIsRefusedWithAReason() {
        String message = assertThrows(IllegalArgumentException.class, () -> GraphJson.fromJson("{", null, null))
                .getMessage();
        assertEquals(true, message.startsWith("not valid JSON: Unexpected end-of-input"), message);
    }
}
