package io.signdx.catalog.internal;

import java.util.Arrays;
import java.util.List;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.catalog.ErrorCodeCatalog;
import io.signdx.api.detector.Actor;
import io.signdx.api.detector.Confidence;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The fallback: whatever else recognises a failed sign-in, this detector explains its error code from
 * the catalogue. Specificity 0 makes any dedicated scenario the primary finding; this one still gives
 * the plain meaning of the code, and it is the only finding for codes no scenario covers.
 */
@Component
@Detector(scenario = ErrorCodeInsightDetector.SCENARIO, family = "catalog", title = "Error code insights",
        specificity = 0)
public final class ErrorCodeInsightDetector implements ScenarioDetector {
    static final String SCENARIO = "error-code.insight";
    static final String LOOKUP = "https://login.microsoftonline.com/error?code=";
    /** The record's texts are attacker-controlled and may be long; the assessment quotes only this much. */
    private static final int QUOTE_LIMIT = 300;

    private final ErrorCodeCatalog catalog;

    @Activate
    public ErrorCodeInsightDetector(@Reference ErrorCodeCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        int code = signIn.errorCode();
        if (code == 0) {
            return List.of();
        }
        boolean detailed = context.detailed();
        return List.of(catalog.lookup(code).map(entry -> known(signIn, entry, detailed))
                .orElseGet(() -> unknown(signIn, code, detailed)));
    }

    private static Finding known(SignIn signIn, ErrorCode entry, boolean detailed) {
        String title = entry.name() == null ? entry.label() : entry.label() + " " + entry.name();
        Finding.Builder f = Finding.builder(SCENARIO).title(title).confidence(Confidence.HIGH)
                .classification(entry.category());
        if (!detailed) {
            // counted, not read: the catalogue entry decides; every failed sign-in comes here, so skip the text
            return f.assessment(title).build();
        }
        f.assessment(subject(signIn) + " ended with " + title + ". " + entry.explanation())
                .evidence(errorTable(signIn, entry.label(), entry.name()))
                .recommend(entry.actor(), entry.remediation(), entry.links().isEmpty() ? null : entry.links().get(0));
        return f.build();
    }

    private static Finding unknown(SignIn signIn, int code, boolean detailed) {
        String label = "AADSTS" + code;
        String title = label + " (not in the catalogue)";
        if (!detailed) {
            // counted, not read: an unknown code is always the same low-confidence hint
            return Finding.builder(SCENARIO).title(title).confidence(Confidence.LOW).assessment(title).build();
        }
        String reason = signIn.status().failureReason();
        StringBuilder assessment = new StringBuilder(subject(signIn)).append(" ended with ").append(label)
                .append(", which is not in the SignDx error-code catalogue.");
        if (reason != null && !reason.isBlank()) {
            assessment.append(" The record's failure reason says: \"").append(quote(reason)).append("\".");
        } else {
            assessment.append(" The record gives no failure reason either.");
        }
        return Finding.builder(SCENARIO).title(title).confidence(Confidence.LOW)
                .assessment(assessment.toString())
                .evidence(errorTable(signIn, label, null))
                .recommend(Actor.ADMIN, "Look up " + label + " in Microsoft's error code lookup to learn what it "
                        + "means and how to fix it.", LOOKUP + code)
                .missing("catalogue entry for " + label)
                .build();
    }

    private static String subject(SignIn signIn) {
        return "The sign-in of " + signIn.userLabel() + " to " + signIn.appLabel();
    }

    private static EvidenceTable errorTable(SignIn signIn, String label, String name) {
        // EvidenceTable turns null cells into empty strings, so partial records need no special casing.
        return new EvidenceTable("Error", List.of("Code", "Name", "Failure reason", "Additional details"),
                List.of(Arrays.asList(label, name, signIn.status().failureReason(),
                        signIn.status().additionalDetails())));
    }

    private static String quote(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= QUOTE_LIMIT ? t : t.substring(0, QUOTE_LIMIT) + "…";
    }
}
