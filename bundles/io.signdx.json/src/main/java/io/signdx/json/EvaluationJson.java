package io.signdx.json;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.policy.ConditionVerdict;
import io.signdx.policy.Disagreement;
import io.signdx.policy.Evaluation;
import io.signdx.policy.Grant;
import io.signdx.policy.PolicyEvaluation;
import io.signdx.policy.SignInFacts;

/**
 * A Conditional Access evaluation (What If) as JSON, as {@code signdx whatif --format json} writes it and
 * {@code POST /api/whatif} answers it (docs/whatif.md, docs/api.md):
 *
 * <ul>
 * <li>{@code signIn}: the facts as evaluated, memberships completed from the snapshot; {@code null} is
 * unknown, {@code []} / {@code {}} known to be empty;</li>
 * <li>{@code policies}: per policy {@code id}, {@code displayName}, {@code state}, {@code applies}
 * ({@code true}, {@code false}, or {@code null} when information is missing), {@code reportOnly},
 * {@code conditions} (every condition: {@code condition}, {@code label}, {@code configured},
 * {@code signInValue}, {@code verdict}, {@code reason}), {@code grant} and {@code session} in words;</li>
 * <li>{@code grant} and {@code reportOnlyGrant}: {@code outcome}, {@code blockingPolicies},
 * {@code requirements}, {@code authenticationStrengths}, {@code termsOfUse}, {@code undecidedPolicies};</li>
 * <li>{@code sessionControls}, {@code disagreements} (for a recorded sign-in) and {@code missing}.</li>
 * </ul>
 *
 * <p>Enum values in lower camel case: {@code condition} {@code users} … {@code deviceFilter};
 * {@code verdict} {@code satisfied}, {@code notSatisfied}, {@code notEnoughInformation},
 * {@code notConfigured}; {@code outcome} {@code block}, {@code grantWithRequirements}, {@code grant},
 * {@code unknown}.
 */
public final class EvaluationJson {
    private EvaluationJson() {
    }

    /**
     * Writes the evaluation as one JSON object.
     *
     * @param e the evaluation, not null
     * @param g where to write; left open
     * @throws IOException when the generator cannot write
     */
    public static void write(Evaluation e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeFieldName("signIn");
        facts(e.facts(), g);
        g.writeArrayFieldStart("policies");
        for (PolicyEvaluation p : e.policies()) {
            policy(p, g);
        }
        g.writeEndArray();
        g.writeFieldName("grant");
        grant(e.grant(), g);
        g.writeFieldName("reportOnlyGrant");
        grant(e.reportOnlyGrant(), g);
        Fields.strings("sessionControls", e.sessionControls(), g);
        g.writeArrayFieldStart("disagreements");
        for (Disagreement d : e.disagreements()) {
            g.writeStartObject();
            g.writeStringField("policyId", d.policyId());
            g.writeStringField("policy", d.policy());
            g.writeStringField("recorded", d.recorded());
            g.writeStringField("evaluated", d.evaluated());
            g.writeStringField("explanation", d.explanation());
            g.writeEndObject();
        }
        g.writeEndArray();
        Fields.strings("missing", e.missing(), g);
        g.writeEndObject();
    }

    private static void facts(SignInFacts f, JsonGenerator g) throws IOException {
        if (f == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("userId", f.userId());
        g.writeStringField("userPrincipalName", f.userPrincipalName());
        g.writeStringField("userType", f.userType());
        g.writeStringField("guestOrExternalUserType", f.guestOrExternalUserType());
        g.writeStringField("homeTenantId", f.homeTenantId());
        Fields.sortedOrNull("groupIds", f.groupIds(), g);
        Fields.sortedOrNull("roleTemplateIds", f.roleTemplateIds(), g);
        g.writeStringField("servicePrincipalId", f.servicePrincipalId());
        g.writeStringField("appId", f.appId());
        g.writeStringField("userAction", f.userAction());
        Fields.sortedOrNull("authenticationContexts", f.authenticationContexts(), g);
        g.writeStringField("ipAddress", f.ipAddress());
        g.writeStringField("country", f.country());
        g.writeStringField("platform", f.platform());
        g.writeStringField("clientAppType", f.clientAppType());
        g.writeStringField("signInRisk", f.signInRisk());
        g.writeStringField("userRisk", f.userRisk());
        g.writeStringField("servicePrincipalRisk", f.servicePrincipalRisk());
        g.writeStringField("insiderRisk", f.insiderRisk());
        g.writeStringField("authenticationFlow", f.authenticationFlow());
        g.writeFieldName("deviceProperties");
        if (f.deviceProperties() == null) {
            g.writeNull();
        } else {
            // sorted by name, so that the same facts always give the same text
            g.writeStartObject();
            for (Map.Entry<String, String> p : new TreeMap<>(f.deviceProperties()).entrySet()) {
                g.writeStringField(p.getKey(), p.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void policy(PolicyEvaluation p, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", p.policy().id());
        g.writeStringField("displayName", p.policy().displayName());
        g.writeStringField("state", p.policy().state());
        Fields.nullableBoolean("applies", p.applies(), g);
        g.writeBooleanField("reportOnly", p.reportOnly());
        g.writeArrayFieldStart("conditions");
        for (ConditionVerdict c : p.conditions()) {
            g.writeStartObject();
            g.writeStringField("condition", Fields.camel(c.condition()));
            g.writeStringField("label", c.condition() == null ? null : c.condition().label());
            g.writeStringField("configured", c.configured());
            g.writeStringField("signInValue", c.signInValue());
            g.writeStringField("verdict", Fields.camel(c.verdict()));
            g.writeStringField("reason", c.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("grant", p.grant());
        Fields.strings("session", p.session(), g);
        g.writeEndObject();
    }

    private static void grant(Grant grant, JsonGenerator g) throws IOException {
        if (grant == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("outcome", Fields.camel(grant.outcome()));
        Fields.strings("blockingPolicies", grant.blockingPolicies(), g);
        g.writeArrayFieldStart("requirements");
        for (Grant.Requirement r : grant.requirements()) {
            g.writeStartObject();
            g.writeStringField("policy", r.policy());
            g.writeStringField("operator", r.operator());
            Fields.strings("controls", r.controls(), g);
            g.writeStringField("text", r.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        Fields.strings("authenticationStrengths", grant.authenticationStrengths(), g);
        Fields.strings("termsOfUse", grant.termsOfUse(), g);
        Fields.strings("undecidedPolicies", grant.undecidedPolicies(), g);
        g.writeEndObject();
    }
}
