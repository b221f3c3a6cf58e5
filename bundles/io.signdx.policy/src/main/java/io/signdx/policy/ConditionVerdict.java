package io.signdx.policy;

/**
 * One condition of one policy against one sign-in.
 *
 * @param condition which condition
 * @param configured what the policy configures, in words with names resolved (e.g. "include: All users;
 *        exclude: group Break glass")
 * @param signInValue the sign-in's value (e.g. "member of Finance, Sales"), or "unknown"
 * @param verdict satisfied, not satisfied, not enough information or not configured
 * @param reason why, naming what matched, e.g. "included through group Finance" or "excluded: location
 *        Northwind HQ (trusted)"
 */
public record ConditionVerdict(Condition condition, String configured, String signInValue, Verdict verdict,
        String reason) {
}
