package io.signdx.policy;

/**
 * A policy whose result recorded on the sign-in differs from what the snapshot gives: the snapshot is
 * probably not the policy set the sign-in met (changed since, or incomplete).
 *
 * @param policyId the policy id
 * @param policy the policy's name
 * @param recorded the result the record carries, e.g. {@code success}, {@code notApplied}
 * @param evaluated the result from the snapshot, e.g. "applies", "does not apply: users", "not in the snapshot"
 * @param explanation what probably explains it and what to do
 */
public record Disagreement(String policyId, String policy, String recorded, String evaluated, String explanation) {
}
