package io.signdx.scenario.pta.internal;

import static io.signdx.scenario.pta.internal.PtaStep.AD_CONFIG;
import static io.signdx.scenario.pta.internal.PtaStep.AD_HEALTH;
import static io.signdx.scenario.pta.internal.PtaStep.AGENT_AD_REACH;
import static io.signdx.scenario.pta.internal.PtaStep.AGENT_LOGS;
import static io.signdx.scenario.pta.internal.PtaStep.AGENT_OUTBOUND;
import static io.signdx.scenario.pta.internal.PtaStep.AGENT_STATUS;
import static io.signdx.scenario.pta.internal.PtaStep.CHANGE_PASSWORD;
import static io.signdx.scenario.pta.internal.PtaStep.HIGH_AVAILABILITY;
import static io.signdx.scenario.pta.internal.PtaStep.LOGON_HOURS_ADMIN;
import static io.signdx.scenario.pta.internal.PtaStep.LOGON_HOURS_USER;
import static io.signdx.scenario.pta.internal.PtaStep.REPLACE_AGENT;
import static io.signdx.scenario.pta.internal.PtaStep.RESET_PASSWORD;
import static io.signdx.scenario.pta.internal.PtaStep.TIME_SYNC;
import static io.signdx.scenario.pta.internal.PtaStep.TRANSIENT;
import static io.signdx.scenario.pta.internal.PtaStep.UPN_MATCH;
import static io.signdx.scenario.pta.internal.PtaStep.USER_NAME;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The table: each error code pass-through authentication reports, what it means, its classification,
 * whether it points at the agents and Active Directory (then many users are hit at once) or at one
 * account, and the steps that fix it. Codes 80006, 80008 and 80009 are documented nowhere and stay with
 * the catalogue's fallback.
 */
enum PtaCause {
    AGENT_UNAVAILABLE(80001, "OnPremiseStoreIsNotAvailable", "agent-unavailable", Scope.AGENT,
            "No Authentication Agent available",
            "No Authentication Agent was available to check the password, or the agent that took the request "
                    + "could not connect to on-premises Active Directory.",
            AGENT_STATUS, AGENT_OUTBOUND, AGENT_AD_REACH, AGENT_LOGS, HIGH_AVAILABILITY),
    AD_TIMEOUT(80002, "OnPremisePasswordValidatorRequestTimedout", "ad-timeout", Scope.AGENT,
            "Password check timed out",
            "The Authentication Agent's password check timed out: Active Directory did not answer the agent in "
                    + "time.",
            AGENT_AD_REACH, AD_HEALTH, AGENT_LOGS),
    INVALID_RESPONSE(80003, null, "invalid-response", Scope.AGENT,
            "Invalid response from Active Directory",
            "The Authentication Agent received an answer it could not interpret while checking the password "
                    + "against Active Directory.",
            AD_CONFIG, AGENT_LOGS, TRANSIENT),
    INVALID_USERNAME(80004, null, "invalid-username", Scope.ACCOUNT,
            "User name not valid on-premises",
            "The user name handed to the Authentication Agent is not a valid on-premises user name: the user "
                    + "signed in with a wrong user principal name, or one that differs from the on-premises one. "
                    + "The agents themselves worked.",
            USER_NAME, UPN_MATCH),
    UNKNOWN_AGENT_ERROR(80005, "OnPremisePasswordValidatorUnpredictableWebException", "unknown-agent-error",
            Scope.AGENT, "Unexpected agent error",
            "An unexpected error occurred while Entra ID processed the Authentication Agent's reply. Microsoft "
                    + "describes it as transient.",
            TRANSIENT, AGENT_STATUS, AGENT_LOGS),
    AD_UNREACHABLE(80007, "OnPremisePasswordValidatorErrorOccurredOnPrem", "ad-unreachable", Scope.AGENT,
            "Agent cannot talk to Active Directory",
            "The Authentication Agent could not validate the password because communicating with Active "
                    + "Directory failed.",
            AGENT_AD_REACH, AGENT_LOGS, AD_HEALTH),
    DECRYPTION(80010, "OnPremisePasswordValidationEncryptionException", "decryption", Scope.AGENT,
            "Agent cannot decrypt the password",
            "The Authentication Agent could not decrypt the password Entra ID sent it.",
            REPLACE_AGENT, AGENT_LOGS),
    DECRYPTION_KEY(80011, null, "decryption", Scope.AGENT,
            "Agent cannot get the decryption key",
            "The Authentication Agent could not retrieve the key it needs to decrypt the password.",
            REPLACE_AGENT, AGENT_OUTBOUND, AGENT_LOGS),
    LOGON_HOURS(80012, "OnPremisePasswordValidationAccountLogonInvalidHours", "account-restriction", Scope.ACCOUNT,
            "Outside the account's logon hours",
            "Active Directory refused the sign-in because it came outside the logon hours set on the user's "
                    + "account. The agents worked; only this account's restriction stopped it.",
            LOGON_HOURS_ADMIN, LOGON_HOURS_USER),
    TIME_SKEW(80013, "OnPremisePasswordValidationTimeSkew", "time-skew", Scope.AGENT,
            "Clock skew between agent and Active Directory",
            "The password check could not complete because the clocks of the Authentication Agent's server and "
                    + "of Active Directory differ too much.",
            TIME_SYNC, AGENT_LOGS),
    AGENT_TIMEOUT(80014, "OnPremisePasswordValidationAuthenticationAgentTimeout", "agent-timeout", Scope.AGENT,
            "Agent answered too late",
            "The Authentication Agent answered only after the longest time Entra ID waits, so the password "
                    + "check counted as failed.",
            AGENT_LOGS, AD_HEALTH, TRANSIENT),
    PASSWORD_EXPIRED(50144, "InvalidPasswordExpiredOnPremPassword", "password-expired", Scope.ACCOUNT,
            "On-premises password expired",
            "The user's password in on-premises Active Directory has expired, so the on-premises check refused "
                    + "it. The agents worked; only this account is affected until the password is changed.",
            CHANGE_PASSWORD, RESET_PASSWORD);

    /** Where the fault lies, which decides whether other users' failures are worth counting. */
    enum Scope {
        /** The agents or Active Directory: every user signing in at the time can be hit. */
        AGENT,
        /** One account's state or input: other users are unaffected. */
        ACCOUNT
    }

    private static final Map<Integer, PtaCause> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PtaCause::code, Function.identity()));

    /** The codes of the agent-side causes: the ones that show an outage when many users get them. */
    static final Set<Integer> AGENT_CODES = Arrays.stream(values()).filter(c -> c.scope == Scope.AGENT)
            .map(PtaCause::code).collect(Collectors.toUnmodifiableSet());

    private final int code;
    private final String microsoftName;
    private final String classification;
    private final Scope scope;
    private final String title;
    private final String meaning;
    private final List<PtaStep> steps;

    PtaCause(int code, String microsoftName, String classification, Scope scope, String title, String meaning,
            PtaStep... steps) {
        this.code = code;
        this.microsoftName = microsoftName;
        this.classification = classification;
        this.scope = scope;
        this.title = title;
        this.meaning = meaning;
        this.steps = List.of(steps);
    }

    /** The cause of an error code, or {@code null} when the code is not a pass-through authentication one. */
    static PtaCause of(int code) {
        return BY_CODE.get(code);
    }

    int code() {
        return code;
    }

    /** Microsoft's error name, or {@code null} where the public reference gives none. */
    String microsoftName() {
        return microsoftName;
    }

    String classification() {
        return classification;
    }

    Scope scope() {
        return scope;
    }

    String title() {
        return title;
    }

    String meaning() {
        return meaning;
    }

    List<PtaStep> steps() {
        return steps;
    }

    /** "AADSTS80001 (OnPremiseStoreIsNotAvailable)", or just "AADSTS80003" when there is no public name. */
    String label() {
        return microsoftName == null ? "AADSTS" + code : "AADSTS" + code + " (" + microsoftName + ")";
    }
}
