package io.signdx.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the diagnosis engine (configuration PID {@code io.signdx.engine}). */
@ObjectClassDefinition(name = "SignDx engine", description = "How detectors are called")
public @interface EngineConfig {
    @AttributeDefinition(description = "Worker threads; 0 means one per processor")
    int threads() default 0;

    @AttributeDefinition(description = "Time budget of one detector call in milliseconds, unless the detector declares its own")
    long timeBudgetMillis() default 2000;

    @AttributeDefinition(description = "Consecutive failures after which a detector is quarantined")
    int quarantineAfter() default 5;

    @AttributeDefinition(description = "Sign-ins diagnosed ahead of the one being written in bulk mode")
    int bulkWindow() default 8192;
}
