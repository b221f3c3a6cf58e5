package io.signdx.policy;

import java.util.List;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.osgi.annotation.versioning.ProviderType;

/** Checks a tenant's Conditional Access policies for the consequences administrators trip over. */
@ProviderType
public interface PolicyLinter {

    /** Lints the policies of the snapshot alone. */
    default List<LintFinding> lint(TenantContext tenant) {
        return lint(tenant, List.of());
    }

    /**
     * Lints the policies, and replays the given stored sign-ins against the report-only policies to
     * find those that would have blocked real sign-ins.
     */
    List<LintFinding> lint(TenantContext tenant, Iterable<SignIn> signIns);
}
