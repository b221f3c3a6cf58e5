package io.signdx.example.partner;

import java.util.List;

import io.signdx.api.detector.Actor;
import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

/**
 * A deliberately broken detector, kept in the test sources to show what the conformance suite (and the
 * running platform, which refuses to activate it) catches: it assumes every record carries an app id,
 * which portal CSV downloads and partial exports do not.
 */
@Detector(scenario = "partner.example.expense-broken", family = "partner.example", title = "Contoso Expenses (broken)",
        errorCodes = {50105, 65001})
public final class BrokenExpenseDetector implements ScenarioDetector {
    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (!signIn.appId().equalsIgnoreCase("5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17")) {
            return List.of();
        }
        return List.of(Finding.builder("partner.example.expense-broken").assessment("Contoso Expenses refused "
                + signIn.userLabel() + ".").recommend(Actor.ADMIN, "Check the assignment.", null).build());
    }
}
