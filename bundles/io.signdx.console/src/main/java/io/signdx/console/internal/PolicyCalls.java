package io.signdx.console.internal;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.ServicePrincipal;
import io.signdx.api.tenant.TenantContext;
import io.signdx.json.EvaluationJson;
import io.signdx.json.LintJson;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.PolicyLinter;
import io.signdx.policy.SignInFacts;


/**
 * The calls into the optional Conditional Access bundles. This is the only console class that names
 * their types, and it is loaded only when one of their services is there: the rest of the console runs
 * without those bundles. The services come in as {@code Object}. The JSON is written by the writers the
 * command line uses too (io.signdx.json), which load those types only when called from here.
 */
final class PolicyCalls {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** App values the policies use as names of app groups rather than ids. */
    private static final Set<String> APP_KEYWORDS = Set.of("all", "none", "office365", "microsoftadminportals");

    private PolicyCalls() {
    }

    /**
     * Evaluates the hypothetical sign-in of a What If request and writes the evaluation.
     *
     * @param evaluator a {@link PolicyEvaluator}
     * @throws IllegalArgumentException naming the request field that is wrong
     */
    static void whatIf(Object evaluator, JsonNode request, TenantContext tenant, JsonGenerator out) throws IOException {
        EvaluationJson.write(((PolicyEvaluator) evaluator).evaluate(facts(request, tenant), tenant), out);
    }

    /**
     * Lints the tenant's policies, replaying the sign-ins against the report-only ones, and writes the findings
     * with how many policies were checked and how many sign-ins the linter read.
     *
     * @param linter a {@link PolicyLinter}
     * @param signIns the sign-ins to replay, or {@code null} for none (then {@code signIns} is null in the answer)
     */
    static void lint(Object linter, TenantContext tenant, Iterable<SignIn> signIns, JsonGenerator out)
            throws IOException {
        PolicyLinter l = (PolicyLinter) linter;
        if (signIns == null) {
            LintJson.write(l.lint(tenant), tenant.policies().size(), null, out);
            return;
        }
        // counted as the linter reads them: it reads none when no report-only policy blocks
        Counted counted = new Counted(signIns);
        LintJson.write(l.lint(tenant, counted), tenant.policies().size(), counted.read, out);
    }

    /** Sign-ins that count how many were read; used by one request's thread only. */
    private static final class Counted implements Iterable<SignIn> {
        private final Iterable<SignIn> signIns;
        long read;

        Counted(Iterable<SignIn> signIns) {
            this.signIns = signIns;
        }

        @Override
        public Iterator<SignIn> iterator() {
            Iterator<SignIn> it = signIns.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public SignIn next() {
                    SignIn s = it.next();
                    read++;
                    return s;
                }
            };
        }
    }

    /** The request's facts; a field left out or null is unknown. */
    static SignInFacts facts(JsonNode r, TenantContext tenant) {
        if (!r.isObject()) {
            throw new IllegalArgumentException("send a JSON object");
        }
        SignInFacts.Builder b = SignInFacts.builder();
        String user = text(r, "user");
        if (user != null) {
            Optional<DirectoryUser> known = tenant.user(user);
            if (known.isPresent()) {
                b.userId(known.get().id()).userPrincipalName(known.get().userPrincipalName());
            } else if (GUID.matcher(user).matches()) {
                b.userId(user);
            } else {
                b.userPrincipalName(user);
            }
        }
        String app = text(r, "app");
        if (app != null) {
            b.appId(appId(app, tenant));
        }
        b.groupIds(set(r, "memberOf")).roleTemplateIds(set(r, "roles"));
        b.userType(text(r, "userType")).guestOrExternalUserType(text(r, "guestType")).homeTenantId(text(r, "homeTenant"));
        b.ipAddress(text(r, "ip")).country(upper(text(r, "country"))).platform(text(r, "platform"));
        b.clientAppType(text(r, "clientApp")).signInRisk(text(r, "signInRisk")).userRisk(text(r, "userRisk"));
        b.servicePrincipalRisk(text(r, "servicePrincipalRisk")).insiderRisk(text(r, "insiderRisk"));
        b.authenticationFlow(text(r, "authFlow")).userAction(text(r, "userAction"));
        b.authenticationContexts(set(r, "authContexts")).servicePrincipalId(text(r, "servicePrincipal"));
        b.deviceProperties(device(r.get("device")));
        return b.build();
    }

    private static String appId(String app, TenantContext tenant) {
        if (GUID.matcher(app).matches() || APP_KEYWORDS.contains(app.toLowerCase(Locale.ROOT))) {
            return app;
        }
        Optional<ServicePrincipal> byId = tenant.servicePrincipal(app);
        if (byId.isPresent() && byId.get().appId() != null) {
            return byId.get().appId();
        }
        return tenant.servicePrincipals().stream().filter(sp -> app.equalsIgnoreCase(sp.displayName()))
                .map(ServicePrincipal::appId).filter(id -> id != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("app: the snapshot has no application named '" + app
                        + "'; give its application id"));
    }

    private static Map<String, String> device(JsonNode d) {
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isTextual() && d.asText().equals("unregistered")) {
            return Map.of(); // a device that is not registered: every property null
        }
        if (!d.isObject()) {
            throw new IllegalArgumentException("device must be an object of properties, \"unregistered\" or null");
        }
        Map<String, String> props = new LinkedHashMap<>();
        d.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                throw new IllegalArgumentException("device." + e.getKey() + " must be a text, number or boolean");
            }
            if (!e.getValue().isNull()) {
                props.put(e.getKey(), e.getValue().asText());
            }
        });
        return props;
    }

    private static String text(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(field + " must be a text");
        }
        String v = n.asText().trim();
        if (v.length() > 1024) {
            throw new IllegalArgumentException(field + " is too long");
        }
        return v.isEmpty() ? null : v;
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    /** A list of ids: null or absent = unknown, [] = none. */
    private static Set<String> set(JsonNode r, String field) {
        JsonNode n = r.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of ids, [] for none, or null for unknown");
        }
        if (n.size() > 10_000) {
            throw new IllegalArgumentException(field + " has too many entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : n) {
            if (!v.isTextual()) {
                throw new IllegalArgumentException(field + " must hold texts");
            }
            out.add(v.asText().trim());
        }
        return out;
    }
}
