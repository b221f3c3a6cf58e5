package io.signdx.api.model;

/**
 * The sign-in's outcome: {@code errorCode} 0 is success; anything else is an AADSTS code.
 *
 * @param errorCode the AADSTS error code, 0 for success
 * @param failureReason Microsoft's short text for the error, may be {@code null}
 * @param additionalDetails further detail, may be {@code null}
 */
public record Status(int errorCode, String failureReason, String additionalDetails) {
    /** A successful status. */
    public static final Status SUCCESS = new Status(0, null, null);

    /** True when the sign-in succeeded. */
    public boolean isSuccess() {
        return errorCode == 0;
    }
}
