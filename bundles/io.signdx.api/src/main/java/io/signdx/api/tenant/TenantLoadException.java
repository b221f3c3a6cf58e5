package io.signdx.api.tenant;

/** Nothing of a tenant snapshot could be read; the message names each file and what was wrong. @since 1.1 */
public class TenantLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message names the files and the problems */
    public TenantLoadException(String message) {
        super(message);
    }

    /** @param message names the file and the problem; @param cause the underlying error */
    public TenantLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
