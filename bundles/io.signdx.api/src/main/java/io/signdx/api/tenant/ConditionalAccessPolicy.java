package io.signdx.api.tenant;

/**
 * One Conditional Access policy of the tenant snapshot, as Graph describes it
 * ({@code conditionalAccessPolicy}). Every part may be absent in a partial export: {@code null} parts
 * mean "not configured".
 *
 * @param id policy id (may be a placeholder such as {@code <RING>} in exported templates)
 * @param displayName policy name
 * @param state {@code enabled}, {@code disabled} or {@code enabledForReportingButNotEnforced}, as recorded
 * @param conditions the conditions; never null (empty conditions when the export had none)
 * @param grantControls the grant controls, {@code null} when the policy grants nothing (session only)
 * @param sessionControls the session controls, {@code null} when none
 * @param origin where the policy was read from, e.g. {@code policies/100.json#1}
 */
public record ConditionalAccessPolicy(String id, String displayName, String state, PolicyConditions conditions,
        GrantControls grantControls, SessionControls sessionControls, String origin) {

    /** Replaces absent conditions by empty ones. */
    public ConditionalAccessPolicy {
        conditions = conditions == null ? PolicyConditions.EMPTY : conditions;
    }

    /** True when the policy is enforced. */
    public boolean enabled() {
        return "enabled".equalsIgnoreCase(state);
    }

    /** True when the policy is in report-only mode. */
    public boolean reportOnly() {
        return "enabledForReportingButNotEnforced".equalsIgnoreCase(state);
    }

    /** True when the policy's grant is Block. */
    public boolean blocks() {
        return grantControls != null && grantControls.blocks();
    }

    /** The name to show: the display name, else the id. */
    public String label() {
        return displayName != null && !displayName.isBlank() ? displayName : id;
    }
}
