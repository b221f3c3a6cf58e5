package io.signdx.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Objects;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;

/** Comparing sign-ins field by field ({@code SignIn.equals} compares only a few identifying fields). */
final class Fields {
    private Fields() {
    }

    /** Whether two sign-ins agree in every field, the raw record included, the origin aside. */
    static boolean same(SignIn a, SignIn b) {
        return Objects.equals(a.raw(), b.raw()) && Objects.equals(a.id(), b.id())
                && Objects.equals(a.createdDateTime(), b.createdDateTime())
                && Objects.equals(a.correlationId(), b.correlationId())
                && Objects.equals(a.originalRequestId(), b.originalRequestId())
                && Objects.equals(a.userId(), b.userId()) && Objects.equals(a.userPrincipalName(), b.userPrincipalName())
                && Objects.equals(a.userDisplayName(), b.userDisplayName())
                && Objects.equals(a.userTypeValue(), b.userTypeValue()) && Objects.equals(a.appId(), b.appId())
                && Objects.equals(a.appDisplayName(), b.appDisplayName()) && Objects.equals(a.resourceId(), b.resourceId())
                && Objects.equals(a.resourceDisplayName(), b.resourceDisplayName())
                && Objects.equals(a.servicePrincipalId(), b.servicePrincipalId())
                && Objects.equals(a.servicePrincipalName(), b.servicePrincipalName())
                && Objects.equals(a.clientCredentialType(), b.clientCredentialType())
                && Objects.equals(a.managedIdentityType(), b.managedIdentityType())
                && Objects.equals(a.ipAddress(), b.ipAddress()) && a.location().equals(b.location())
                && Objects.equals(a.clientAppUsed(), b.clientAppUsed())
                && Objects.equals(a.isInteractive(), b.isInteractive())
                && Objects.equals(a.authenticationProtocol(), b.authenticationProtocol()) && a.status().equals(b.status())
                && Objects.equals(a.conditionalAccessStatusValue(), b.conditionalAccessStatusValue())
                && a.appliedConditionalAccessPolicies().equals(b.appliedConditionalAccessPolicies())
                && Objects.equals(a.authenticationRequirementValue(), b.authenticationRequirementValue())
                && a.authenticationRequirementPolicies().equals(b.authenticationRequirementPolicies())
                && a.authenticationDetails().equals(b.authenticationDetails())
                && a.authenticationMethodsUsed().equals(b.authenticationMethodsUsed())
                && a.deviceDetail().equals(b.deviceDetail()) && a.risk().equals(b.risk())
                && Objects.equals(a.crossTenantAccessTypeValue(), b.crossTenantAccessTypeValue())
                && Objects.equals(a.homeTenantId(), b.homeTenantId())
                && Objects.equals(a.resourceTenantId(), b.resourceTenantId())
                && a.flaggedForReview() == b.flaggedForReview() && Objects.equals(a.userAgent(), b.userAgent())
                && a.signInEventTypes().equals(b.signInEventTypes())
                && a.networkLocationDetails().equals(b.networkLocationDetails())
                && Objects.equals(a.incomingTokenType(), b.incomingTokenType())
                && Objects.equals(a.tokenIssuerType(), b.tokenIssuerType())
                && Objects.equals(a.originalTransferMethod(), b.originalTransferMethod())
                && Objects.equals(a.authenticationContextClassReferences(), b.authenticationContextClassReferences());
    }

    /** Fails, showing both as JSON, unless the two agree in every field. */
    static void assertSame(SignIn expected, SignIn actual, String what) {
        if (!same(expected, actual)) {
            assertEquals(GraphJson.toJson(expected) + "\nraw: " + expected.raw(),
                    GraphJson.toJson(actual) + "\nraw: " + actual.raw(), what + ": differs in a field");
            assertEquals(expected.raw(), actual.raw(), what);
            throw new AssertionError(what + ": differs in a field (sets in another order?)");
        }
    }
}
