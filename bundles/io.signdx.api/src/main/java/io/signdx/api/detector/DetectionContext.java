package io.signdx.api.detector;

import java.util.List;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.tenant.TenantContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a detector may consult besides the sign-in. Provided by the engine; new knowledge arrives as
 * new methods in minor versions of this package.
 */
@ProviderType
public interface DetectionContext {

    /** The tenant snapshot, possibly {@link TenantContext#empty() empty}. */
    TenantContext tenant();

    /**
     * Sign-ins related to the one being diagnosed, e.g. the same user or IP address within a window,
     * from the sign-ins being diagnosed together and from the registered sources. Ordered newest first.
     * Never throws: a source that fails is left out (and the diagnosis notes it).
     */
    List<SignIn> related(SignInQuery query);

    /**
     * False when the caller needs only which findings apply, not their text: counting sign-ins by scenario
     * over a whole export ({@code signdx summary}). A detector may then leave out the assessment's detail,
     * the evidence and the recommendations (an assessment is still required: the title will do), but it
     * must return the same findings, with the same scenario, classification and confidence, as when true;
     * {@code DetectorConformance} checks that. Text is most of a detector's cost on common sign-ins.
     *
     * @since 1.1
     */
    default boolean detailed() {
        return true;
    }
}
