package io.signdx.demo.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.engine.AuditLog;
import io.signdx.api.ingest.SignInStore;
import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantSnapshots;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first {@code signdx serve} with an empty store, loads the demo tenant so that the console shows
 * data at once, and writes its files to {@code data/demo/} (Graph-shaped: the sign-ins to re-import, the
 * tenant snapshot for What If). Its snapshot becomes the product's current tenant snapshot too, unless one
 * is installed already. It never loads twice: a marker file records that it ran, so emptying the store
 * later does not bring the demo back. One-shot commands never load it.
 */
@Component(immediate = true)
public final class DemoLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    static final String MARKER = ".loaded";

    @Activate
    public DemoLoader(BundleContext context, @Reference(name = "store") SignInStore store,
            @Reference(name = "audit") AuditLog audit, @Reference(name = "snapshots") TenantSnapshots snapshots) {
        if (!"serve".equals(context.getProperty("signdx.mode"))) {
            return;
        }
        String home = context.getProperty("signdx.home");
        Path folder = Path.of(home == null ? "." : home).toAbsolutePath().resolve("data").resolve("demo");
        // beside the start, not in it: the console answers while the week of sign-ins is generated and stored
        Thread loader = new Thread(() -> {
            try {
                if (load(folder, store, snapshots)) {
                    audit.record("system", "demo.load", "data/demo", "first start with an empty store");
                }
            } catch (IOException | RuntimeException e) {
                // the product works without its demo: say why it is missing and go on
                LOG.error("could not load the demo tenant into an empty store: {}", e.getMessage());
            }
        }, "signdx-demo-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Loads the demo when the store is empty and it was never loaded, and installs its snapshot when none is
     * installed. @return true when it loaded
     */
    static boolean load(Path folder, SignInStore store, TenantSnapshots snapshots) throws IOException {
        if (Files.exists(folder.resolve(MARKER)) || store.size() > 0) {
            return false;
        }
        DemoTenant tenant = new DemoTenant(DemoTenant.SEED);
        tenant.writeTo(folder);
        List<SignIn> batch = new ArrayList<>();
        for (SignIn s : tenant.signIns) {
            // the record as signins.json holds it, so the console's "raw record" shows what an import would
            batch.add(s.toBuilder().origin("demo").raw(GraphJson.toJson(s)).build());
            if (batch.size() == 5000) {
                store.store(batch);
                batch.clear();
            }
        }
        store.store(batch);
        install(folder.resolve("tenant"), snapshots);
        Files.writeString(folder.resolve(MARKER), "the demo tenant was loaded into the store\n");
        LOG.info("loaded the demo tenant: {} sign-ins of the week from {} (files in {})", tenant.signIns.size(),
                DemoSignIns.WEEK_START, folder);
        return true;
    }

    private static void install(Path tenant, TenantSnapshots snapshots) {
        if (snapshots.current().isPresent()) {
            LOG.info("a tenant snapshot is installed already; the demo's stays in {}", tenant);
            return;
        }
        try {
            snapshots.install(List.of(tenant));
        } catch (TenantLoadException e) {
            // the sign-ins are loaded; without the snapshot only What If and the policy tables lack the demo
            LOG.error("could not install the demo tenant's snapshot from {}: {}", tenant, e.getMessage());
        }
    }
}
