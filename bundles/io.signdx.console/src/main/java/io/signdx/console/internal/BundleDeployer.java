package io.signdx.console.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;

/**
 * Installs, updates and removes bundles the way the product's hot deploy does: through its
 * {@code deploy/} folder, which the platform watches. A jar is checked before it goes there (a bundle
 * manifest, a symbolic name that is not one of the product's own bundles), written beside the folder's
 * other files and moved in at once, so the watcher never sees half a file; then the call waits until
 * the platform lists the bundle.
 */
final class BundleDeployer {
    private static final Pattern BSN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
    private static final Set<String> PLATFORM = Set.of("system.bundle", "org.apache.felix.framework");

    /** What was asked of a jar and what it is. */
    record Identity(String symbolicName, String version) {
    }

    /** A refusal with the HTTP status it answers with. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final Path deploy;
    private final ModuleService modules;
    private final Duration wait;

    BundleDeployer(Path deploy, ModuleService modules, Duration wait) {
        this.deploy = deploy;
        this.modules = modules;
        this.wait = wait;
    }

    /** Reads and checks the manifest of an uploaded jar. */
    static Identity identify(Path jar) throws Refused {
        Manifest m;
        try (JarFile jf = new JarFile(jar.toFile())) {
            m = jf.getManifest();
        } catch (IOException | SecurityException e) {
            throw new Refused(400, "not a valid jar: " + e.getMessage());
        }
        if (m == null) {
            throw new Refused(400, "not a bundle: the jar has no META-INF/MANIFEST.MF");
        }
        Attributes a = m.getMainAttributes();
        String bsn = a.getValue("Bundle-SymbolicName");
        if (bsn == null || bsn.isBlank()) {
            throw new Refused(400, "not a bundle: the manifest has no Bundle-SymbolicName");
        }
        if (!"2".equals(a.getValue("Bundle-ManifestVersion"))) {
            throw new Refused(400, "not an OSGi R4+ bundle: Bundle-ManifestVersion must be 2");
        }
        String name = bsn.split(";", 2)[0].trim();
        if (!BSN.matcher(name).matches()) {
            throw new Refused(400, "the Bundle-SymbolicName '" + name + "' is not a valid name");
        }
        String version = a.getValue("Bundle-Version");
        return new Identity(name, version == null ? "0.0.0" : version.trim());
    }

    /**
     * Installs the jar, or updates the deployed bundle of the same name.
     *
     * @return the module as the platform lists it, or empty when it did not show within the wait
     */
    Optional<ModuleInfo> install(Path jar, Identity id) throws Refused, IOException, InterruptedException {
        if (PLATFORM.contains(id.symbolicName()) || core(id.symbolicName()).isPresent()) {
            throw new Refused(409, id.symbolicName() + " is part of SignDx itself and cannot be replaced by an upload");
        }
        Path target = deployed(id.symbolicName()).map(m -> deploy.resolve(Path.of(m.location()).getFileName()))
                .orElse(deploy.resolve(id.symbolicName() + ".jar"));
        Files.createDirectories(deploy);
        // FileInstall only looks at *.jar: the part file is invisible to it until the move
        Path part = deploy.resolve("." + id.symbolicName() + ".part");
        Files.copy(jar, part, StandardCopyOption.REPLACE_EXISTING);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ModuleInfo> m = deployed(id.symbolicName())
                    .filter(x -> x.version() != null && sameVersion(x.version(), id.version()));
            if (m.isPresent() && !"STARTING".equals(m.get().state())) {
                modules.awaitSettled(Duration.ofMillis(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                return deployed(id.symbolicName());
            }
            Optional<ModuleInfo> failed = modules.modules().stream()
                    .filter(x -> x.bundleId() < 0 && x.location().equals("deploy/" + target.getFileName())).findFirst();
            if (failed.isPresent()) {
                return failed;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /**
     * Removes a deployed bundle (or a deploy-folder file that failed to install).
     *
     * @return true when the platform no longer lists it within the wait
     */
    boolean uninstall(String symbolicName) throws Refused, IOException, InterruptedException {
        if (core(symbolicName).isPresent() || PLATFORM.contains(symbolicName)) {
            throw new Refused(409, symbolicName + " is part of SignDx itself and cannot be uninstalled");
        }
        ModuleInfo m = deployed(symbolicName).orElseThrow(
                () -> new Refused(404, "no deployed bundle is named " + symbolicName));
        Files.deleteIfExists(deploy.resolve(Path.of(m.location()).getFileName()));
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (deployed(symbolicName).isEmpty()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    Optional<ModuleInfo> core(String symbolicName) {
        return find(symbolicName).stream().filter(m -> "core".equals(m.location())).findFirst();
    }

    Optional<ModuleInfo> deployed(String symbolicName) {
        return find(symbolicName).stream().filter(m -> m.location() != null && m.location().startsWith("deploy/"))
                .findFirst();
    }

    private List<ModuleInfo> find(String symbolicName) {
        return modules.modules().stream().filter(m -> symbolicName.equals(m.symbolicName())).toList();
    }

    /** "1.0.0" and "1.0" are the same version to the framework. */
    static boolean sameVersion(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String v) {
        String[] p = v.trim().split("\\.", 4);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            String part = i < p.length ? p[i] : "0";
            try {
                b.append(Integer.parseInt(part));
            } catch (NumberFormatException e) {
                b.append(part);
            }
            b.append('.');
        }
        return b.append(p.length > 3 ? p[3] : "").toString();
    }
}
