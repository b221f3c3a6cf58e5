package io.signdx.api.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;

class SignInQueryTest {
    private final SignIn s = SignIn.builder().id("req-1").userId("oid-1").userPrincipalName("Ann@Contoso.example")
            .userDisplayName("Ann Lee").appId("app-1").appDisplayName("Outlook").correlationId("corr-1")
            .ipAddress("2001:db8::1").createdDateTime(Instant.parse("2026-11-20T12:00:00Z")).flaggedForReview(true)
            .errorCode(50126).build();

    @Test
    void eachCriterionMatchesAndMisses() {
        assertTrue(SignInQuery.all().matches(s));
        for (String user : List.of("oid-1", "ann@contoso.example", "ann lee")) {
            assertTrue(SignInQuery.all().withUser(user).matches(s), user);
        }
        assertFalse(SignInQuery.all().withUser("bob@contoso.example").matches(s));
        assertTrue(SignInQuery.all().withApp("OUTLOOK").matches(s));
        assertTrue(SignInQuery.all().withApp("app-1").matches(s));
        assertFalse(SignInQuery.all().withApp("Teams").matches(s));
        assertTrue(SignInQuery.all().withCorrelationId("corr-1").withRequestId("req-1").matches(s));
        assertTrue(SignInQuery.all().around(Instant.parse("2026-11-21T11:00:00Z"), Duration.ofHours(24)).matches(s));
        assertFalse(SignInQuery.all().around(Instant.parse("2026-11-21T13:00:00Z"), Duration.ofHours(24)).matches(s));
        assertFalse(SignInQuery.all().withWindow(null, Instant.parse("2026-11-20T12:00:00Z")).matches(s),
                "the upper bound is exclusive");
        assertTrue(SignInQuery.all().withStatus(SignInQuery.StatusFilter.FAILURE).matches(s));
        assertFalse(SignInQuery.all().withStatus(SignInQuery.StatusFilter.SUCCESS).matches(s));
        assertTrue(SignInQuery.all().withErrorCodes(java.util.Set.of(50126, 50053)).matches(s));
        assertTrue(SignInQuery.all().withFlaggedOnly(true).matches(s));
        assertTrue(SignInQuery.all().withIpAddress("2001:DB8::1").matches(s));
        assertFalse(SignInQuery.all().withWindow(Instant.EPOCH, null).matches(SignIn.builder().build()),
                "a sign-in without a time never matches a time window");
    }

    @Test
    void pagingIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> SignInQuery.all().withPage(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> SignInQuery.all().withPage(0, 0));
        Page<String> page = new Page<>(List.of("a", "b"), 0, 5);
        assertTrue(page.hasMore());
        assertFalse(new Page<>(List.of("a"), 4, 5).hasMore());
    }

    @org.junit.jupiter.api.Test
    void aWindowAroundTheEndsOfTheTimeLineStopsThereInsteadOfOverflowing() {
        SignInQuery late = SignInQuery.all().around(java.time.Instant.MAX, java.time.Duration.ofHours(24));
        org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.MAX, late.to());
        org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.MAX.minus(java.time.Duration.ofHours(24)),
                late.from());
        org.junit.jupiter.api.Assertions.assertEquals(java.time.Instant.MIN,
                SignInQuery.all().around(java.time.Instant.MIN, java.time.Duration.ofHours(1)).from());
    }
}
