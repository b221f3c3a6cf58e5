package io.signdx.api.tenant;

/**
 * The session controls of a Conditional Access policy. {@code null} components are not configured.
 *
 * @param signInFrequency how often the user must sign in again, or null
 * @param persistentBrowserMode {@code always} or {@code never}, or null
 * @param cloudAppSecurityType e.g. {@code monitorOnly}, {@code blockDownloads}, {@code mcasConfigured}
 * @param applicationEnforcedRestrictions true when app-enforced restrictions are on
 * @param disableResilienceDefaults true when resilience defaults are off
 * @param continuousAccessEvaluationMode e.g. {@code strictEnforcement}, {@code disabled}
 * @param secureSignInSession true when token protection (secure sign-in session) is required
 */
public record SessionControls(SignInFrequency signInFrequency, String persistentBrowserMode,
        String cloudAppSecurityType, Boolean applicationEnforcedRestrictions, Boolean disableResilienceDefaults,
        String continuousAccessEvaluationMode, Boolean secureSignInSession) {

    /**
     * Sign-in frequency.
     *
     * @param value the number of {@code type} units, null with {@code everyTime}
     * @param type {@code hours} or {@code days}
     * @param frequencyInterval {@code timeBased} or {@code everyTime}
     * @param authenticationType {@code primaryAndSecondaryAuthentication} or {@code secondaryAuthentication}
     */
    public record SignInFrequency(Integer value, String type, String frequencyInterval, String authenticationType) {
        /** A short text, e.g. "every 8 hours" or "every time". */
        public String describe() {
            if ("everyTime".equalsIgnoreCase(frequencyInterval)) {
                return "every time";
            }
            return value == null ? "time-based" : "every " + value + " " + (type == null ? "" : type);
        }
    }
}
