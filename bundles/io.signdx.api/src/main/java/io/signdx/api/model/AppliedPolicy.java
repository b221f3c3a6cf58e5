package io.signdx.api.model;

import java.util.List;
import java.util.Set;

/**
 * One Conditional Access policy as recorded on the sign-in ({@code appliedConditionalAccessPolicies}).
 *
 * @param id policy id
 * @param displayName policy name
 * @param resultValue the result as the record spells it (see {@link #result()})
 * @param enforcedGrantControls grant controls the policy enforced, e.g. "Mfa", "Block", "RequireCompliantDevice"
 * @param enforcedSessionControls session controls the policy enforced
 * @param conditionsSatisfied condition names that matched, e.g. "application", "users"
 * @param conditionsNotSatisfied condition names that did not match
 */
public record AppliedPolicy(String id, String displayName, String resultValue, List<String> enforcedGrantControls,
        List<String> enforcedSessionControls, Set<String> conditionsSatisfied, Set<String> conditionsNotSatisfied) {

    /** Copies the collections so the record stays immutable; {@code null} collections become empty. */
    public AppliedPolicy {
        enforcedGrantControls = enforcedGrantControls == null ? List.of() : List.copyOf(enforcedGrantControls);
        enforcedSessionControls = enforcedSessionControls == null ? List.of() : List.copyOf(enforcedSessionControls);
        conditionsSatisfied = conditionsSatisfied == null ? Set.of() : Set.copyOf(conditionsSatisfied);
        conditionsNotSatisfied = conditionsNotSatisfied == null ? Set.of() : Set.copyOf(conditionsNotSatisfied);
    }

    /** The result; unknown values give {@link PolicyResult#UNKNOWN} while {@link #resultValue()} keeps the text. */
    public PolicyResult result() {
        return PolicyResult.parse(resultValue);
    }

    /** True when the policy's grant is Block. */
    public boolean blocks() {
        return enforcedGrantControls.stream().anyMatch(c -> c.equalsIgnoreCase("Block"));
    }
}
