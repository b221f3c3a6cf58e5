package io.signdx.api.model;

import java.util.Locale;

/**
 * One entry of a sign-in's {@code authenticationContextClassReferences}: an authentication context
 * ({@code c1} … {@code c99}) an application or Privileged Identity Management asked for, or a user action
 * ({@code urn:user:registersecurityinfo}, {@code urn:user:registerdevice}) the sign-in was made for.
 *
 * @param id the context's id as recorded, e.g. {@code c1} or {@code urn:user:registersecurityinfo}
 * @param detail {@code required} (asked for by this sign-in), {@code previouslySatisfied} (asked for and already
 *     met earlier in the session), {@code notApplicable}, or a value Microsoft adds later; {@code null} when the
 *     record does not say
 * @since 1.1
 */
public record AuthenticationContext(String id, String detail) {
    /** The prefix of the ids that name a user action rather than an authentication context. */
    public static final String USER_ACTION_PREFIX = "urn:user:";

    /** True when the id names a user action such as registering security information. */
    public boolean isUserAction() {
        return id != null && id.trim().toLowerCase(Locale.ROOT).startsWith(USER_ACTION_PREFIX);
    }

    /**
     * True when the sign-in asked for it: {@code required} or {@code previouslySatisfied}, and also when the record
     * gives no detail (an entry is listed because it was asked for); false for {@code notApplicable}.
     */
    public boolean isRequested() {
        if (detail == null || detail.isBlank()) {
            return true;
        }
        String d = detail.trim().toLowerCase(Locale.ROOT);
        return d.equals("required") || d.equals("previouslysatisfied");
    }
}
