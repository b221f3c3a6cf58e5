package io.signdx.scenario.credentials.internal;

import java.util.List;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

/**
 * What the tenant snapshot says about a successful single-factor sign-in, in this bundle's own terms (so
 * that only {@link PolicyBridge} needs the optional {@code io.signdx.policy} package).
 *
 * @param missed enabled policies that require MFA or block and did not apply (or could not be decided)
 * @param applying enabled policies that require MFA or block and, by the snapshot, do apply: the record
 *        and the snapshot disagree about them
 * @param reportOnly report-only policies that would have applied
 * @param disagreements how many policies the record and the snapshot disagree on
 * @param missing what the evaluator lacked to decide some condition
 */
record MissedPolicies(List<Missed> missed, List<Named> applying, List<Named> reportOnly, int disagreements,
        List<String> missing) {

    /** Copies the lists. */
    MissedPolicies {
        missed = List.copyOf(missed);
        applying = List.copyOf(applying);
        reportOnly = List.copyOf(reportOnly);
        missing = List.copyOf(missing);
    }

    /**
     * A policy that could have interrupted the sign-in but did not apply.
     *
     * @param policy its name
     * @param grant its grant in words
     * @param condition the first condition that excluded the sign-in (or that lacked information)
     * @param reason why, e.g. "excluded: location Northwind HQ (trusted)"
     * @param undecided true when no condition excluded it but one lacked information
     */
    record Missed(String policy, String grant, String condition, String reason, boolean undecided) {
    }

    /**
     * A policy and its grant.
     *
     * @param policy its name
     * @param grant its grant in words
     */
    record Named(String policy, String grant) {
    }

    /** Evaluates a sign-in against a tenant snapshot (see {@link PolicyBridge}). */
    interface Check {
        /** @throws RuntimeException when the evaluator fails */
        MissedPolicies check(SignIn signIn, TenantContext tenant);
    }
}
