package io.signdx.example.partner;

import java.util.List;

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
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The vendor of "Contoso Expenses" knows why its customers' users cannot get in better than a
 * generic error text does: the app is assigned through a group the vendor's onboarding creates, and
 * its consent must be granted by a tenant admin. This detector says so for the app's sign-ins.
 */
@Component(configurationPid = "io.signdx.example.partner")
@Designate(ocd = ExpenseAccessDetector.Config.class)
// specificity 60: on its own app the vendor's advice is more precise than the generic apps.configuration
@Detector(scenario = ExpenseAccessDetector.SCENARIO, family = "partner.example", title = "Contoso Expenses access",
        errorCodes = {ExpenseAccessDetector.NOT_ASSIGNED, ExpenseAccessDetector.NO_CONSENT}, specificity = 60)
public final class ExpenseAccessDetector implements ScenarioDetector {
    static final String SCENARIO = "partner.example.expense-access";
    static final int NOT_ASSIGNED = 50105;
    static final int NO_CONSENT = 65001;

    @ObjectClassDefinition(name = "Contoso Expenses detector")
    public @interface Config {
        @AttributeDefinition(description = "Application (client) id of Contoso Expenses in the tenant")
        String appId() default "5f1a9c3e-7d2b-4c8e-9a61-3b0e2f4d8c17";

        @AttributeDefinition(description = "Display name of the app, used when a record has no app id")
        String appName() default "Contoso Expenses";

        @AttributeDefinition(description = "Where users and admins find the vendor's onboarding guide")
        String onboardingUrl() default "https://expenses.contoso.example/onboarding";
    }

    private final Config config;

    @Activate
    public ExpenseAccessDetector(Config config) {
        this.config = config;
    }

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (!isExpenseApp(signIn)) {
            return List.of();
        }
        Finding.Builder f = Finding.builder(SCENARIO).title("Contoso Expenses access").confidence(Confidence.HIGH)
                .evidence(new EvidenceTable("Sign-in", List.of("Application", "User", "Error code"),
                        List.of(List.of(signIn.appLabel(), signIn.userLabel(), String.valueOf(signIn.errorCode())))));
        if (signIn.errorCode() == NOT_ASSIGNED) {
            f.classification("not-assigned")
                    .assessment(signIn.userLabel() + " is not assigned to Contoso Expenses. The app requires "
                            + "assignment, and users get it through the 'Contoso Expenses users' group that "
                            + "onboarding creates.")
                    .recommend(Actor.ADMIN, "Add the user to the 'Contoso Expenses users' group (or assign the "
                            + "user to the enterprise app directly).", config.onboardingUrl())
                    .recommend(Actor.USER, "Ask your IT help desk for access to Contoso Expenses.", null);
        } else {
            f.classification("consent-missing")
                    .assessment("Contoso Expenses has not been granted consent in this tenant, and users may "
                            + "not consent to it themselves.")
                    .recommend(Actor.ADMIN, "Grant admin consent to Contoso Expenses in Enterprise applications "
                            + "> Contoso Expenses > Permissions.", config.onboardingUrl());
        }
        return List.of(f.build());
    }

    private boolean isExpenseApp(SignIn s) {
        return config.appId().equalsIgnoreCase(s.appId() == null ? "" : s.appId())
                || config.appName().equalsIgnoreCase(s.appDisplayName() == null ? "" : s.appDisplayName());
    }
}
