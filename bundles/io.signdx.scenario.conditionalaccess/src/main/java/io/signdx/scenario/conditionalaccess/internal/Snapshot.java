package io.signdx.scenario.conditionalaccess.internal;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;

/** What every Conditional Access finding says about the tenant snapshot and its evaluation. */
final class Snapshot {
    /** The evaluator's own gaps quoted in a finding, at most. */
    private static final int MISSING_QUOTED = 3;

    private Snapshot() {
    }

    /**
     * Adds the snapshot's part to a finding: what was missing when there is no evaluation; with one, the
     * disagreements between record and snapshot (as evidence, a sentence and a completeness note) and
     * what the evaluator itself lacked.
     */
    static void note(Finding.Builder f, StringBuilder assessment, Snapshots.Lookup lookup) {
        SnapshotView view = lookup.view();
        if (view == null) {
            f.missing(lookup.missing());
            return;
        }
        EvidenceTable disagreements = PolicyTables.disagreements(view);
        if (disagreements != null) {
            int n = view.disagreements().size();
            f.evidence(disagreements);
            assessment.append(" The tenant snapshot does not match what the sign-in met for ")
                    .append(Text.plural(n, "policy", "policies"))
                    .append(": it was probably taken before or after a change, so its per-condition reasons may not "
                            + "be the ones in force at the time.");
            f.missing("a tenant snapshot taken when the sign-in happened: the current one disagrees with the record on "
                    + Text.plural(n, "policy", "policies"));
        }
        for (int i = 0; i < view.missing().size() && i < MISSING_QUOTED; i++) {
            f.missing("for the evaluation: " + Text.quote(view.missing().get(i)));
        }
    }
}
