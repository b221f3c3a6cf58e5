package io.signdx.scenario.enterpriseapps.internal;

import java.util.List;

import io.signdx.api.detector.DetectionContext;
import io.signdx.api.detector.Detector;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.ScenarioDetector;
import io.signdx.api.model.SignIn;

import org.osgi.service.component.annotations.Component;

/**
 * The application's configuration in Entra ID stopped the sign-in: reply URLs, the app or its resource
 * missing or disabled, assignment, signing keys, consent and permissions, claims, and the credentials
 * of workloads. The pre-filter lists exactly the codes of {@link ConfigurationRules#TABLE}.
 */
@Component
@Detector(scenario = AppConfigurationDetector.SCENARIO, family = "enterpriseapps",
        title = AppConfigurationDetector.TITLE, specificity = 50, errorCodes = {
            50011, 70004, 900971,
            700016, 700011, 70001, 7000112, 1000031, 650059, 50194, 9002332, 90130,
            500011, 50001, 500014, 650052,
            50105,
            50003, 50146, 50007, 50010,
            65001, 90094, 90095, 90093, 90008, 65004, 650056, 650057, 65005, 650054,
            7000222, 7000215, 70002, 700027, 50012, 50048, 700229, 700030, 50032, 7000218, 700025,
            700054, 70005,
            50100, 50101, 50102, 50103, 50108, 50109, 50111, 50123, 50124, 50162, 50163, 501621, 501241, 501461})
public final class AppConfigurationDetector implements ScenarioDetector {
    static final String SCENARIO = "apps.configuration";
    static final String TITLE = "Enterprise app configuration";

    @Override
    public List<Finding> detect(SignIn signIn, DetectionContext context) {
        if (!ConfigurationRules.TABLE.has(signIn.errorCode())) {
            return List.of();
        }
        Facts facts = new Facts(signIn);
        return ConfigurationRules.TABLE.match(facts)
                .map(rule -> List.of(AppFindings.build(SCENARIO, TITLE, rule, facts, context)))
                .orElse(List.of());
    }
}
