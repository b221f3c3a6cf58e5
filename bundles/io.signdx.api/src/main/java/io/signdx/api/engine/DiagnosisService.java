package io.signdx.api.engine;

import java.util.List;
import java.util.function.Consumer;

import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs the active detectors over sign-ins. Provided by the engine.
 */
@ProviderType
public interface DiagnosisService {

    /** Diagnoses one sign-in; related sign-ins come from the registered sources. */
    Diagnosis diagnose(SignIn signIn, TenantContext tenant);

    /** Where detectors find the sign-ins related to the one being diagnosed. */
    enum Related {
        /** Only the sign-ins diagnosed together: an export diagnosed as it is, the fastest. */
        BATCH,
        /** The sign-ins diagnosed together and every registered source (the embedded store). */
        BATCH_AND_SOURCES
    }

    /**
     * Diagnoses many sign-ins in parallel; related sign-ins come from {@code signIns} itself and the
     * registered sources ({@link Related#BATCH_AND_SOURCES}).
     */
    default void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Consumer<Diagnosis> sink) {
        diagnoseAll(signIns, tenant, Related.BATCH_AND_SOURCES, sink);
    }

    /**
     * Diagnoses many sign-ins in parallel. {@code sink} receives every diagnosis exactly once, in input
     * order, from one thread at a time. Detectors that come or go meanwhile never fail the run.
     *
     * @param related where related sign-ins come from
     */
    void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Consumer<Diagnosis> sink);

    /** How much of each finding a bulk run needs. */
    enum Detail {
        /** Everything: assessment, evidence, recommendations. */
        FULL,
        /**
         * The findings' scenarios, classifications and confidences (so the ranking and the primary scenario
         * are those of a full run); their text may be reduced to the title (see
         * {@code DetectionContext.detailed()}). For counting, several times faster.
         */
        SCENARIOS
    }

    /**
     * {@link #diagnoseAll(List, TenantContext, Related, Consumer)} with the detail the caller needs.
     *
     * @since 1.1
     */
    default void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Detail detail,
            Consumer<Diagnosis> sink) {
        diagnoseAll(signIns, tenant, related, sink);
    }
}
