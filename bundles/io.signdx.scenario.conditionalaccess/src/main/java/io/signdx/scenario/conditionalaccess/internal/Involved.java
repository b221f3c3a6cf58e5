package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;

/**
 * A policy a finding is about: its entry on the sign-in record, its evaluation against the snapshot, or
 * both (matched by id, else by name). At least one of the two is present.
 *
 * @param recorded the record's entry, or null when only the snapshot names the policy
 * @param evaluated the snapshot's evaluation, or null without a snapshot (or when the snapshot lacks it)
 */
record Involved(AppliedPolicy recorded, SnapshotView.PolicyView evaluated) {

    /** Pairs recorded policies with their evaluations; without recorded ones, the snapshot's applying ones. */
    static List<Involved> of(List<AppliedPolicy> recorded, SnapshotView view, Set<Control> snapshotControls) {
        List<Involved> out = new ArrayList<>(Math.max(1, recorded.size()));
        for (AppliedPolicy p : recorded) {
            out.add(new Involved(p, view == null ? null : view.find(p.id(), p.displayName())));
        }
        if (out.isEmpty() && view != null) {
            for (SnapshotView.PolicyView p : view.applyingEnabled(snapshotControls)) {
                out.add(new Involved(null, p));
            }
        }
        return out;
    }

    String label() {
        return recorded != null ? Recorded.label(recorded) : evaluated.label();
    }

    /** The grant controls: as the record enforced them, else as the snapshot configures them. */
    Set<Control> controls() {
        Set<Control> out = EnumSet.noneOf(Control.class);
        if (recorded != null) {
            out.addAll(Control.all(recorded.enforcedGrantControls()));
        }
        if (out.isEmpty() && evaluated != null) {
            out.addAll(evaluated.controls());
        }
        return out;
    }

    /** The grant controls in words, e.g. "Require device to be marked as compliant". */
    List<String> controlWords() {
        if (recorded != null && !recorded.enforcedGrantControls().isEmpty()) {
            return Control.describe(recorded.enforcedGrantControls());
        }
        List<String> out = new ArrayList<>();
        if (evaluated != null) {
            for (Control c : evaluated.controls()) {
                out.add(c.words());
            }
        }
        return out;
    }

    boolean has(Control c) {
        return controls().contains(c);
    }
}
