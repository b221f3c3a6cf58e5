package io.signdx.scenario.conditionalaccess.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A grant control of a Conditional Access policy, whether a sign-in record spells it
 * ({@code enforcedGrantControls}: {@code Block}, {@code Mfa}, {@code RequireCompliantDevice} …) or a
 * snapshot does ({@code builtInControls}: {@code block}, {@code mfa}, {@code compliantDevice} …).
 */
enum Control {
    BLOCK("Block access"),
    MFA("Require multifactor authentication"),
    AUTHENTICATION_STRENGTH("Require authentication strength"),
    COMPLIANT_DEVICE("Require device to be marked as compliant"),
    DOMAIN_JOINED_DEVICE("Require Microsoft Entra hybrid joined device"),
    APPROVED_APP("Require approved client app"),
    APP_PROTECTION("Require app protection policy"),
    PASSWORD_CHANGE("Require password change"),
    TERMS_OF_USE("Require terms of use"),
    /** A custom control or a value this version does not know: shown as recorded. */
    OTHER("Other control");

    /** Spellings (see {@link Text#key}) of records, snapshots and portal exports. */
    private static final Map<String, Control> BY_KEY = Map.ofEntries(
            Map.entry("block", BLOCK), Map.entry("blockaccess", BLOCK),
            Map.entry("mfa", MFA), Map.entry("requiremfa", MFA), Map.entry("requiremultifactorauthentication", MFA),
            Map.entry("multifactorauthentication", MFA),
            Map.entry("authenticationstrength", AUTHENTICATION_STRENGTH),
            Map.entry("requireauthenticationstrength", AUTHENTICATION_STRENGTH),
            Map.entry("authenticationstrengths", AUTHENTICATION_STRENGTH),
            Map.entry("requirecompliantdevice", COMPLIANT_DEVICE), Map.entry("compliantdevice", COMPLIANT_DEVICE),
            Map.entry("requiredevicetobemarkedascompliant", COMPLIANT_DEVICE),
            Map.entry("requiredomainjoineddevice", DOMAIN_JOINED_DEVICE),
            Map.entry("domainjoineddevice", DOMAIN_JOINED_DEVICE),
            Map.entry("requirehybridazureadjoineddevice", DOMAIN_JOINED_DEVICE),
            Map.entry("requiremicrosoftentrahybridjoineddevice", DOMAIN_JOINED_DEVICE),
            Map.entry("requireapprovedapp", APPROVED_APP), Map.entry("approvedapplication", APPROVED_APP),
            Map.entry("requireapprovedclientapp", APPROVED_APP),
            Map.entry("requirecompliantapp", APP_PROTECTION), Map.entry("compliantapplication", APP_PROTECTION),
            Map.entry("requireappprotectionpolicy", APP_PROTECTION),
            Map.entry("passwordchange", PASSWORD_CHANGE), Map.entry("requirepasswordchange", PASSWORD_CHANGE),
            Map.entry("termsofuse", TERMS_OF_USE), Map.entry("requiretermsofuse", TERMS_OF_USE));

    /** The spellings records and snapshots use, looked up before any normalisation. */
    private static final Map<String, Control> EXACT = Map.ofEntries(
            Map.entry("Block", BLOCK), Map.entry("Mfa", MFA), Map.entry("RequireCompliantDevice", COMPLIANT_DEVICE),
            Map.entry("RequireDomainJoinedDevice", DOMAIN_JOINED_DEVICE), Map.entry("RequireApprovedApp", APPROVED_APP),
            Map.entry("RequireCompliantApp", APP_PROTECTION), Map.entry("PasswordChange", PASSWORD_CHANGE),
            Map.entry("AuthenticationStrength", AUTHENTICATION_STRENGTH), Map.entry("compliantDevice", COMPLIANT_DEVICE),
            Map.entry("domainJoinedDevice", DOMAIN_JOINED_DEVICE), Map.entry("approvedApplication", APPROVED_APP),
            Map.entry("compliantApplication", APP_PROTECTION), Map.entry("passwordChange", PASSWORD_CHANGE));

    private final String words;

    Control(String words) {
        this.words = words;
    }

    /** The control as the Entra admin center names it. */
    String words() {
        return words;
    }

    /** True for the controls that need a managed or registered device. */
    boolean deviceBased() {
        return this == COMPLIANT_DEVICE || this == DOMAIN_JOINED_DEVICE;
    }

    /** True for the controls that ask the user for a second factor. */
    boolean multifactor() {
        return this == MFA || this == AUTHENTICATION_STRENGTH;
    }

    /** The control a recorded or configured value names; blank values give {@code null}. */
    static Control of(String value) {
        if (value == null) {
            return null;
        }
        Control exact = EXACT.get(value);
        if (exact != null) {
            return exact;
        }
        if (value.isBlank()) {
            return null;
        }
        String k = Text.key(value);
        Control c = BY_KEY.get(k);
        if (c != null) {
            return c;
        }
        return k.contains("termsofuse") ? TERMS_OF_USE : k.contains("authenticationstrength") ? AUTHENTICATION_STRENGTH
                : OTHER;
    }

    /** The controls named by the values, in the order of this enum, without duplicates. */
    static Set<Control> all(List<String> values) {
        Set<Control> out = EnumSet.noneOf(Control.class);
        for (String v : values) {
            Control c = of(v);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The values in words: known controls by their admin-center name, others quoted as recorded. */
    static List<String> describe(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            Control c = of(v);
            if (c != null) {
                out.add(c == OTHER ? "'" + Text.quote(v) + "' (custom control or terms of use)" : c.words());
            }
        }
        return out;
    }

    /** Session controls of a record ({@code enforcedSessionControls}) in the admin center's words. */
    static String session(String value) {
        return switch (Text.key(value)) {
            case "signinfrequency" -> "Sign-in frequency";
            case "persistentbrowsersessionmode", "persistentbrowser", "persistentbrowsersession" ->
                "Persistent browser session";
            case "cloudappsecurity", "mcas", "conditionalaccessappcontrol" ->
                "Use Conditional Access App Control (Defender for Cloud Apps)";
            case "appenforcedrestrictions", "applicationenforcedrestrictions" -> "Use app enforced restrictions";
            case "continuousaccessevaluation", "cae" -> "Customize continuous access evaluation";
            case "disableresiliencedefaults" -> "Disable resilience defaults";
            case "securesigninsession", "tokenprotection" -> "Require token protection for sign-in sessions";
            default -> "'" + Text.quote(value) + "'";
        };
    }
}
