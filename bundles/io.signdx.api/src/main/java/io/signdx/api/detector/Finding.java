package io.signdx.api.detector;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a detector found: its scenario, how sure it is, an assessment in plain sentences, the
 * evidence, the recommendations and what data was missing for a firmer verdict. Immutable; build one
 * with {@link #builder(String)}.
 */
public final class Finding {
    private final String scenario;
    private final String title;
    private final Confidence confidence;
    private final String assessment;
    private final String classification;
    private final List<EvidenceTable> evidence;
    private final List<Recommendation> recommendations;
    private final List<String> missing;
    private final boolean detectorFailure;

    private Finding(Builder b) {
        this.scenario = Objects.requireNonNull(b.scenario, "scenario");
        this.title = b.title == null ? b.scenario : b.title;
        this.confidence = b.confidence == null ? Confidence.MEDIUM : b.confidence;
        if (b.assessment == null || b.assessment.isBlank()) {
            throw new IllegalArgumentException("finding " + b.scenario + " has no assessment");
        }
        this.assessment = b.assessment;
        this.classification = b.classification;
        this.evidence = List.copyOf(b.evidence);
        this.recommendations = List.copyOf(b.recommendations);
        this.missing = List.copyOf(b.missing);
        this.detectorFailure = b.detectorFailure;
    }

    /** A builder for a finding of the given scenario id. */
    public static Builder builder(String scenario) {
        return new Builder(scenario);
    }

    /** @return the scenario id */
    public String scenario() {
        return scenario;
    }

    /** @return a short title */
    public String title() {
        return title;
    }

    /** @return how sure the detector is */
    public Confidence confidence() {
        return confidence;
    }

    /** @return a few plain sentences saying what happened and why */
    public String assessment() {
        return assessment;
    }

    /** @return a sub-classification (e.g. {@code spray} for invalid passwords), or {@code null} */
    public String classification() {
        return classification;
    }

    /** @return evidence tables */
    public List<EvidenceTable> evidence() {
        return evidence;
    }

    /** @return ordered recommendations, each naming who acts */
    public List<Recommendation> recommendations() {
        return recommendations;
    }

    /** @return what data was missing for a firmer verdict; empty when the verdict is complete */
    public List<String> missing() {
        return missing;
    }

    /** @return true when the verdict did not lack any data */
    public boolean complete() {
        return missing.isEmpty();
    }

    /** @return true when this finding reports that a detector failed rather than a scenario */
    public boolean detectorFailure() {
        return detectorFailure;
    }

    @Override
    public String toString() {
        return "Finding[" + scenario + (classification == null ? "" : "/" + classification) + " " + confidence + "]";
    }

    /** Builds a {@link Finding}. An assessment is required. */
    public static final class Builder {
        private final String scenario;
        private String title;
        private Confidence confidence;
        private String assessment;
        private String classification;
        private final List<EvidenceTable> evidence = new ArrayList<>();
        private final List<Recommendation> recommendations = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private boolean detectorFailure;

        private Builder(String scenario) {
            this.scenario = scenario;
        }

        /** Sets the title (default: the scenario id). */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets the confidence (default MEDIUM). */
        public Builder confidence(Confidence value) {
            this.confidence = value;
            return this;
        }

        /** Sets the assessment: a few plain sentences. */
        public Builder assessment(String value) {
            this.assessment = value;
            return this;
        }

        /** Sets a sub-classification. */
        public Builder classification(String value) {
            this.classification = value;
            return this;
        }

        /** Adds an evidence table. */
        public Builder evidence(EvidenceTable table) {
            this.evidence.add(Objects.requireNonNull(table));
            return this;
        }

        /** Adds a recommendation. */
        public Builder recommend(Actor actor, String action, String link) {
            this.recommendations.add(new Recommendation(actor, action, link));
            return this;
        }

        /** Adds a recommendation written beforehand (e.g. one of a detector's table of steps). */
        public Builder recommend(Recommendation recommendation) {
            this.recommendations.add(Objects.requireNonNull(recommendation));
            return this;
        }

        /** Records a piece of data whose absence kept the verdict from being firmer. */
        public Builder missing(String what) {
            this.missing.add(Objects.requireNonNull(what));
            return this;
        }

        /** Marks the finding as the report of a failed detector (used by the engine). */
        public Builder detectorFailure(boolean value) {
            this.detectorFailure = value;
            return this;
        }

        /** The finding. */
        public Finding build() {
            return new Finding(this);
        }
    }
}
