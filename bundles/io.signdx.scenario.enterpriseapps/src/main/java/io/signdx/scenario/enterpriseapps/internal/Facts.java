package io.signdx.scenario.enterpriseapps.internal;

import java.util.Locale;

import io.signdx.api.model.SignIn;

/**
 * What the rule texts need to know about one sign-in, worked out once: whether a workload (service
 * principal) signed in, the protocol, the credential, the reply URL when the record quotes one. Every
 * value comes from the record and is attacker-controlled text; it is only ever put into plain strings.
 */
final class Facts {
    private final SignIn signIn;
    private final boolean workload;
    private final boolean federated;
    private final String replyUrl;

    Facts(SignIn signIn) {
        this.signIn = signIn;
        this.workload = isWorkload(signIn);
        String protocol = lower(signIn.authenticationProtocol());
        this.federated = protocol.startsWith("saml") || protocol.startsWith("wsfed");
        this.replyUrl = quotedUrl(signIn.status().failureReason(), signIn.status().additionalDetails());
    }

    SignIn signIn() {
        return signIn;
    }

    /** A service principal or managed identity signed in on its own behalf (no user). */
    boolean workload() {
        return workload;
    }

    /** SAML or WS-Federation. */
    boolean federated() {
        return federated;
    }

    /** The reply URL the failure text quotes, or {@code null}. */
    String replyUrl() {
        return replyUrl;
    }

    boolean keyExpired() {
        return lower(signIn.status().failureReason()).contains("expired")
                || lower(signIn.status().additionalDetails()).contains("expired");
    }

    boolean certificate() {
        String type = lower(signIn.clientCredentialType());
        return type.equals("certificate") || type.equals("clientassertion");
    }

    /** The service principal's name, else the app's. */
    String principal() {
        String name = signIn.servicePrincipalName();
        return name == null || name.isBlank() ? signIn.appLabel() : name;
    }

    /** "client secret", "certificate", … from {@code clientCredentialType}. */
    String credential() {
        return switch (lower(signIn.clientCredentialType())) {
            case "clientsecret" -> "client secret";
            case "certificate" -> "certificate";
            case "clientassertion" -> "client assertion";
            case "federatedidentitycredential" -> "federated identity credential";
            case "managedidentity" -> "managed identity";
            default -> "credential";
        };
    }

    /**
     * Fills the placeholders {@code {who} {user} {app} {appId} {resource} {onResource} {sp} {client}
     * {credential} {replyUrl} {replyUrlQuoted}} in one pass, so text from the record is never itself taken
     * as a placeholder.
     */
    String render(String template) {
        StringBuilder b = new StringBuilder(template.length() + 64);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                b.append(template, i, template.length());
                break;
            }
            b.append(template, i, open);
            String value = value(template.substring(open + 1, close));
            b.append(value == null ? template.substring(open, close + 1) : value);
            i = close + 1;
        }
        return b.toString();
    }

    private String value(String name) {
        return switch (name) {
            case "who" -> workload ? "the service principal '" + principal() + "'" : signIn.userLabel();
            case "user" -> signIn.userLabel();
            case "app" -> signIn.appLabel();
            case "appId" -> orElse(signIn.appId(), "(app id not recorded)");
            case "resource" -> orElse(signIn.resourceDisplayName(),
                    orElse(signIn.resourceId(), "the requested resource"));
            case "sp" -> principal();
            case "client" -> (workload ? "the service principal '" : "the application '") + principal() + "'";
            case "onResource" -> onResource();
            case "replyUrlQuoted" -> replyUrl == null ? "" : " ('" + replyUrl + "')";
            case "credential" -> credential();
            case "replyUrl" -> replyUrl == null ? "the reply URL the application sends" : "'" + replyUrl + "'";
            default -> null;
        };
    }

    /** " on Microsoft Graph", or nothing when the app asked for itself or the resource is unknown. */
    private String onResource() {
        String resource = orElse(signIn.resourceDisplayName(), signIn.resourceId());
        if (resource == null || resource.equalsIgnoreCase(signIn.appLabel())
                || resource.equalsIgnoreCase(orElse(signIn.appId(), ""))) {
            return "";
        }
        return " on " + resource;
    }

    static boolean isWorkload(SignIn s) {
        for (String type : s.signInEventTypes()) {
            String t = lower(type);
            if (t.equals("serviceprincipal") || t.equals("managedidentity")) {
                return true;
            }
        }
        return !blank(s.servicePrincipalId()) && blank(s.userId()) && blank(s.userPrincipalName());
    }

    /** The first 'http…' URL quoted in single quotes in either text, or {@code null}. */
    static String quotedUrl(String... texts) {
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            int start = t.indexOf("'http");
            if (start >= 0) {
                int end = t.indexOf('\'', start + 1);
                if (end > start + 1 && end - start < 2048) {
                    return t.substring(start + 1, end);
                }
            }
        }
        return null;
    }

    static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String orElse(String value, String fallback) {
        return blank(value) ? fallback : value;
    }
}
