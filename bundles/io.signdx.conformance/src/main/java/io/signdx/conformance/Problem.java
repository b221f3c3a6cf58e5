package io.signdx.conformance;

/**
 * One way a detector failed the conformance checks.
 *
 * @param check which check: {@code declaration}, {@code robustness}, {@code determinism},
 *        {@code time-budget} or {@code findings}
 * @param detail what happened, naming the sample sign-in where there is one
 */
public record Problem(String check, String detail) {
    @Override
    public String toString() {
        return check + ": " + detail;
    }
}
