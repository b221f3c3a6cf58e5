package io.signdx.api.model;

import java.util.List;

/**
 * Identity Protection's view of the sign-in. The levels keep their text; see the typed accessors.
 *
 * @param riskLevelDuringSignInValue risk of this sign-in as recorded
 * @param riskLevelAggregatedValue aggregated risk as recorded
 * @param riskStateValue risk state as recorded
 * @param riskDetail e.g. "userPassedMFADrivenByRiskBasedPolicy"
 * @param riskEventTypes detection types, e.g. "unfamiliarFeatures", "passwordSpray"
 */
public record Risk(String riskLevelDuringSignInValue, String riskLevelAggregatedValue, String riskStateValue,
        String riskDetail, List<String> riskEventTypes) {
    /** No risk information. */
    public static final Risk NONE = new Risk(null, null, null, null, List.of());

    /** Copies the detections so the record stays immutable. */
    public Risk {
        riskEventTypes = riskEventTypes == null ? List.of() : List.copyOf(riskEventTypes);
    }

    /** Risk of this sign-in. */
    public RiskLevel riskLevelDuringSignIn() {
        return RiskLevel.parse(riskLevelDuringSignInValue);
    }

    /** Aggregated risk. */
    public RiskLevel riskLevelAggregated() {
        return RiskLevel.parse(riskLevelAggregatedValue);
    }

    /** Risk state. */
    public RiskState riskState() {
        return RiskState.parse(riskStateValue);
    }
}
