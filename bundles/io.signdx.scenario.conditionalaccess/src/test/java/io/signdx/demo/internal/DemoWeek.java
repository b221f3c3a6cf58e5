package io.signdx.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.signdx.api.model.SignIn;

/**
 * Test-only access to the demo tenant's generated week of sign-ins (the demo bundle keeps its generator
 * private), so that the Conditional Access detectors are checked against exactly what the demo produces.
 */
public final class DemoWeek {
    private DemoWeek() {
    }

    /** The week of sign-ins of the demo tenant, generated from its fixed seed. */
    public static List<SignIn> signIns() {
        return new DemoTenant(DemoTenant.SEED).signIns;
    }

    /**
     * Writes the demo's files (signins.json, and the tenant snapshot in tenant/) to the folder.
     *
     * @return the week of sign-ins written, as {@link #signIns()} gives them
     */
    public static List<SignIn> write(Path folder) throws IOException {
        DemoTenant demo = new DemoTenant(DemoTenant.SEED);
        demo.writeTo(folder);
        return demo.signIns;
    }
}
