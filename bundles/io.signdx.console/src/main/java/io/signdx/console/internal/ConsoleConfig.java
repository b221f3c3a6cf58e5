package io.signdx.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the console and its REST API, read from {@code conf/io.signdx.console.cfg}. Every console
 * component that needs one of them takes this configuration; a change restarts those components, which
 * ends the open browser sessions (they are kept in memory only).
 */
@ObjectClassDefinition(id = ConsoleConfig.PID, name = "SignDx console",
        description = "Limits and timeouts of the web console and REST API")
@interface ConsoleConfig {
    String PID = "io.signdx.console";

    @AttributeDefinition(description = "Minutes without a request after which a browser session ends")
    int sessionIdleMinutes() default 480;

    @AttributeDefinition(description = "Most open browser sessions; the least recently used one is closed beyond")
    int maxSessions() default 1000;

    @AttributeDefinition(description = "Largest bundle (jar) that may be uploaded, in MB")
    long maxBundleMegabytes() default 20;

    @AttributeDefinition(description = "Largest sign-in upload (all files of one import together), in MB")
    long maxImportMegabytes() default 2048;

    @AttributeDefinition(description = "Largest tenant snapshot upload, in MB")
    long maxTenantMegabytes() default 200;

    @AttributeDefinition(description = "Largest JSON request body (What If, preferences, users ...), in KB")
    int maxJsonKilobytes() default 256;

    @AttributeDefinition(description = "Import jobs that run at the same time")
    int importThreads() default 1;

    @AttributeDefinition(description = "Import jobs that may wait for a thread; more are refused")
    int importQueue() default 8;

    @AttributeDefinition(description = "Failed log-ins (per user and per address) before each further attempt waits")
    int loginFailuresAllowed() default 5;

    @AttributeDefinition(description = "Longest wait imposed after repeated failed log-ins, in seconds")
    int loginMaxDelaySeconds() default 900;

    @AttributeDefinition(description = "Most matching sign-ins sorted in memory for a sort other than newest first")
    int maxSortedSignIns() default 20000;

    @AttributeDefinition(description = "Most sign-ins the overview diagnoses; beyond, it says the counts are partial")
    int maxOverviewSignIns() default 200000;
}
