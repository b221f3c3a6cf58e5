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

    /**
     * Diagnoses many sign-ins in parallel. Related sign-ins come from {@code signIns} itself and the
     * registered sources. {@code sink} receives every diagnosis exactly once, in input order, from one
     * thread at a time. Detectors that come or go meanwhile never fail the run.
     */
    void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Consumer<Diagnosis> sink);
}
