package io.signdx.scenario.enterpriseapps.internal;

import java.util.List;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

import org.osgi.service.component.annotations.Component;

/**
 * The application (service provider) sent a request Entra ID cannot accept: the fix is on the
 * application's side. The pre-filter lists exactly the codes of {@link ServiceProviderRules#TABLE}.
 */
@Component
@Detector(scenario = ServiceProviderDetector.SCENARIO, family = "enterpriseapps",
        title = ServiceProviderDetector.TITLE, specificity = 50, errorCodes = {
            75001, 75003, 75005, 750054, 75008, 75011, 75016, 76021, 76026, 7500514, 7500529, 900236,
            90081, 90082, 90087,
            70011, 28002, 28003, 700022, 700023, 70003, 70007, 50147, 501491, 50149, 50148, 501481, 90009, 90015,
            901002})
public final class ServiceProviderDetector implements ScenarioDetector {
    static final String SCENARIO = "apps.service-provider";
    static final String TITLE = "Enterprise app service provider";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (!ServiceProviderRules.TABLE.has(signIn.errorCode())) {
            return List.of();
        }
        Facts facts = new Facts(signIn);
        return ServiceProviderRules.TABLE.match(facts)
                .map(rule -> List.of(AppFindings.build(SCENARIO, TITLE, rule, facts, context)))
                .orElse(List.of());
    }
}
