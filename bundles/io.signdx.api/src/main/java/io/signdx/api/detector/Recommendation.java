package io.signdx.api.detector;

import java.util.Objects;

/**
 * One thing to do about a finding, naming who does it.
 *
 * @param actor who acts
 * @param action what exactly to do, in plain words
 * @param link a documentation link, or {@code null}
 */
public record Recommendation(Actor actor, String action, String link) {
    /** Rejects a recommendation without an actor or an action. */
    public Recommendation {
        Objects.requireNonNull(actor, "actor");
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("a recommendation needs an action");
        }
    }
}
