package io.signdx.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Module listing and switches. Bundles come from the framework; files in {@code deploy/} that did not
 * become bundles (corrupt or not a bundle) are listed as FAILED with the reason, so an operator sees
 * them without reading the log.
 */
@Component(service = ModuleService.class)
public final class Modules implements ModuleService {
    /** FileInstall polls every 500 ms; a younger file may simply not be installed yet. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    private final BundleContext context;
    private final DetectorRegistry registry;
    private final FileAuditLog audit;
    private final Home home;
    private final ToggleFiles files;

    @Activate
    public Modules(BundleContext context, @Reference DetectorRegistry registry, @Reference FileAuditLog audit) {
        this.context = context;
        this.registry = registry;
        this.audit = audit;
        this.home = Home.of(context);
        this.files = new ToggleFiles(home);
    }

    @Override
    public List<ModuleInfo> modules() {
        List<ModuleInfo> out = new ArrayList<>();
        Set<Path> installed = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getBundleId() == 0) {
                continue;
            }
            Path file = pathOf(b.getLocation());
            if (file != null) {
                installed.add(file);
            }
            boolean deployed = file != null && file.startsWith(home.deploy());
            List<String> scenarios = registry.all().stream()
                    .filter(h -> h.bundleSymbolicName.equals(b.getSymbolicName()) && !h.refused())
                    .map(h -> h.scenario).toList();
            out.add(new ModuleInfo(b.getBundleId(), b.getSymbolicName(), b.getVersion().toString(), state(b),
                    deployed ? "deploy/" + file.getFileName() : "core", registry.bundleEnabled(b.getSymbolicName()),
                    scenarios, b.getState() == Bundle.INSTALLED ? "not resolved: a requirement is missing (see the log)"
                            : null));
        }
        out.addAll(failedDeployFiles(installed));
        return out;
    }

    @Override
    public List<DetectorInfo> detectors() {
        return registry.all().stream().map(h -> h.info(registry.enabled(h))).toList();
    }

    @Override
    public boolean setEnabled(String id, boolean enabled, String actor) {
        if (id == null || !knownIds().contains(id)) {
            throw new IllegalArgumentException("no detector or bundle is named '" + id + "'; known: "
                    + String.join(", ", knownIds()));
        }
        boolean before = registry.switches().getOrDefault(id, true);
        boolean released = enabled && registry.all().stream()
                .anyMatch(h -> (h.scenario.equals(id) || h.bundleSymbolicName.equals(id)) && h.quarantined());
        // the file and its audit line in one step (see FileAuditLog.recordToggleIfChanged)
        // and the engine's own state with them, so that two switches at once leave all three agreeing
        audit.recordToggleIfChanged(id, enabled, actor, () -> {
            try {
                files.write(id, enabled);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot persist the switch of " + id + ": " + e.getMessage(), e);
            }
            registry.override(id, enabled);
            return true;
        });
        return before != enabled || released;
    }

    @Override
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!settled()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private boolean settled() {
        if (registry.checking()) {
            return false; // a detector that arrived is not active until its quick check is done
        }
        Set<Path> installed = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            Path file = pathOf(b.getLocation());
            if (file != null) {
                installed.add(file);
                if (file.startsWith(home.deploy()) && b.getState() != Bundle.ACTIVE && expectedToStart(b)) {
                    return false;
                }
            }
        }
        try {
            if (Files.isDirectory(home.deploy())) {
                try (DirectoryStream<Path> jars = Files.newDirectoryStream(home.deploy(), "*.jar")) {
                    for (Path jar : jars) {
                        Path abs = jar.toAbsolutePath().normalize();
                        if (!installed.contains(abs) && whyNotABundle(abs).startsWith("the framework")) {
                            return false; // a valid bundle FileInstall has not installed yet
                        }
                    }
                }
            }
            if (Files.isDirectory(home.conf())) {
                Set<String> applied = registry.appliedSwitchFiles();
                try (DirectoryStream<Path> cfgs = Files.newDirectoryStream(home.conf(), ToggleFiles.PREFIX + "*.cfg")) {
                    for (Path cfg : cfgs) {
                        if (!applied.contains(cfg.getFileName().toString())) {
                            return false;
                        }
                    }
                }
            }
        } catch (IOException e) {
            return true; // nothing to wait for that can be read
        }
        return true;
    }

    /** A bundle that failed to resolve will not become active by waiting, and a fragment never does. */
    private static boolean expectedToStart(Bundle b) {
        return b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.INSTALLED;
    }

    /**
     * What can be switched: scenario ids, the bundles that register detectors or were deployed, and
     * ids that have a switch in force (whose detector may be gone). Platform bundles are not modules.
     */
    Set<String> knownIds() {
        Set<String> ids = new TreeSet<>(registry.switches().keySet());
        for (DetectorHandle h : registry.all()) {
            ids.add(h.bundleSymbolicName);
            if (!h.refused()) {
                ids.add(h.scenario);
            }
        }
        for (Bundle b : context.getBundles()) {
            Path file = pathOf(b.getLocation());
            if (b.getSymbolicName() != null && file != null && file.startsWith(home.deploy())) {
                ids.add(b.getSymbolicName());
            }
        }
        return ids;
    }

    private List<ModuleInfo> failedDeployFiles(Set<Path> installed) {
        List<ModuleInfo> failed = new ArrayList<>();
        if (!Files.isDirectory(home.deploy())) {
            return failed;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(home.deploy(), "*.jar")) {
            for (Path jar : jars) {
                Path abs = jar.toAbsolutePath().normalize();
                if (!installed.contains(abs) && isSettled(abs)) {
                    failed.add(new ModuleInfo(-1, abs.getFileName().toString(), null, "FAILED",
                            "deploy/" + abs.getFileName(), false, List.of(), whyNotABundle(abs)));
                }
            }
        } catch (IOException e) {
            failed.add(new ModuleInfo(-1, "deploy/", null, "FAILED", home.deploy().toString(), false, List.of(),
                    "cannot list the deploy folder: " + e.getMessage()));
        }
        return failed;
    }

    private static boolean isSettled(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(SETTLE));
        } catch (IOException e) {
            return false;
        }
    }

    static String whyNotABundle(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            if (m == null) {
                return "not a bundle: the jar has no META-INF/MANIFEST.MF";
            }
            if (m.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "not a bundle: the manifest has no Bundle-SymbolicName";
            }
            return "the framework refused to install it (see the log)";
        } catch (IOException e) {
            return "not a valid jar: " + e.getMessage();
        }
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private static Path pathOf(String location) {
        try {
            String l = location.startsWith("reference:") ? location.substring("reference:".length()) : location;
            return l.startsWith("file:") ? Path.of(URI.create(l)).toAbsolutePath().normalize() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
