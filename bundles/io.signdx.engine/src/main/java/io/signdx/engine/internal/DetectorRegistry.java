package io.signdx.engine.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

import io.signdx.api.detector.ScenarioDetector;
import io.signdx.conformance.ConformanceCheck;
import io.signdx.conformance.Declaration;
import io.signdx.conformance.Problem;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector whiteboard: every {@link ScenarioDetector} service and every operator switch, and the
 * resulting set of detectors to call, rebuilt whenever one of them changes. Readers take an immutable
 * {@link Active} snapshot, so a diagnosis never sees a half-applied change.
 */
@Component(service = DetectorRegistry.class, immediate = true)
public final class DetectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(DetectorRegistry.class);

    private final FileAuditLog audit;
    private final Map<Long, DetectorHandle> detectors = new ConcurrentHashMap<>();
    /** Latest switch per module id: from a configuration file or from {@link #override}. */
    private final Map<String, Boolean> switches = new ConcurrentHashMap<>();
    private final Map<ToggleSetting, String> switchFiles = new ConcurrentHashMap<>();
    private volatile Active active = Active.EMPTY;
    /** Runs quick checks; daemon threads, because a hanging detector may keep one forever. */
    private final ExecutorService checker = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "signdx-detector-check");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public DetectorRegistry(@Reference FileAuditLog audit) {
        this.audit = audit;
    }

    /** The detectors to call and the index of their pre-filters. */
    record Active(List<DetectorHandle> anyCode, Map<Integer, List<DetectorHandle>> byCode) {
        static final Active EMPTY = new Active(List.of(), Map.of());

        List<DetectorHandle> forCode(int code) {
            return byCode.getOrDefault(code, anyCode);
        }
    }

    Active active() {
        return active;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDetector(ScenarioDetector detector, ServiceReference<ScenarioDetector> ref, Map<String, Object> props) {
        long id = (Long) props.get(Constants.SERVICE_ID);
        Bundle bundle = ref.getBundle();
        String bsn = bundle == null ? "?" : bundle.getSymbolicName();
        String version = bundle == null ? "?" : bundle.getVersion().toString();
        synchronized (this) {
            String scenario = Declaration.of(props).scenario(); // as the handle reads it, trimmed
            String duplicateOf = detectors.values().stream()
                    .filter(h -> !h.refused() && h.scenario.equals(scenario))
                    .map(h -> h.bundleSymbolicName + " " + h.bundleVersion).findFirst().orElse(null);
            DetectorHandle handle = new DetectorHandle(id, detector, props, bsn, version, duplicateOf);
            detectors.put(id, handle);
            if (handle.refused()) {
                // A plugin with a bad declaration is reported and ignored, never fatal.
                LOG.warn("detector service {} from {} {} refused: {}", id, bsn, version, handle.info(true).problem());
            } else {
                checker.execute(() -> check(handle));
            }
            rebuild();
        }
    }

    /**
     * The conformance quick check, off the thread that registered the service: the detector is
     * untrusted code and may hang; it joins the active set only when it passes.
     */
    private void check(DetectorHandle handle) {
        String failure = "the check did not finish";
        try {
            List<Problem> problems = new ConformanceCheck(handle.declaration).quick(handle.detector);
            failure = problems.isEmpty() ? null : problems.get(0) + (problems.size() == 1 ? ""
                    : " (and " + (problems.size() - 1) + " more problem" + (problems.size() == 2 ? "" : "s") + ")");
        } catch (Throwable e) {
            // anything escaping the check (a class vanishing with its bundle, a stack overflow) refuses
            failure = "the check itself failed: " + e;
        } finally {
            synchronized (this) {
                handle.checked(failure);
                if (failure == null) {
                    LOG.info("detector {} from {} {} active", handle.scenario, handle.bundleSymbolicName,
                            handle.bundleVersion);
                } else {
                    LOG.warn("detector {} from {} {} refused: {}", handle.scenario, handle.bundleSymbolicName,
                            handle.bundleVersion, handle.info(true).problem());
                }
                if (detectors.get(handle.serviceId) == handle) {
                    rebuild();
                }
                handle.settle();
            }
        }
    }

    /** True while a detector that arrived is still being checked. */
    boolean checking() {
        return detectors.values().stream().anyMatch(DetectorHandle::checking);
    }

    @Deactivate
    void deactivate() {
        checker.shutdownNow();
    }

    void removeDetector(ScenarioDetector detector, Map<String, Object> props) {
        synchronized (this) {
            DetectorHandle handle = detectors.remove((Long) props.get(Constants.SERVICE_ID));
            if (handle != null) {
                handle.markGone();
                LOG.info("detector {} from {} removed", handle.scenario, handle.bundleSymbolicName);
            }
            rebuild();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSwitch(ToggleSetting setting, Map<String, Object> props) {
        Object location = props.get("felix.fileinstall.filename");
        if (location != null && !Files.exists(pathOf(location.toString()))) {
            // FileInstall read the file before it was deleted again: a stale event; its removal follows.
            return;
        }
        String file = fileName(props);
        switchFiles.put(setting, file);
        applySwitch(setting.module(), setting.enabled(), "conf:" + file,
                () -> location == null || Files.exists(pathOf(location.toString())));
    }

    void updatedSwitch(ToggleSetting setting, Map<String, Object> props) {
        addSwitch(setting, props);
    }

    void removeSwitch(ToggleSetting setting, Map<String, Object> props) {
        String file = switchFiles.remove(setting);
        Object location = props.get("felix.fileinstall.filename");
        // Services also go away when the platform stops; only a deleted file is an operator's change.
        if (location != null && Files.exists(pathOf(location.toString()))) {
            return;
        }
        applySwitch(setting.module(), true, "conf:" + file + " (removed)",
                () -> location == null || !Files.exists(pathOf(location.toString())));
    }

    /** @param stillSo whether the file still says so, asked again when the switch is audited */
    private void applySwitch(String module, boolean enabled, String actor, BooleanSupplier stillSo) {
        if (module.isEmpty()) {
            LOG.warn("ignoring a module switch without a module id ({})", actor);
            return;
        }
        synchronized (this) {
            switches.put(module, enabled);
            if (enabled) {
                releaseQuarantine(module);
            }
            rebuild();
        }
        try {
            audit.recordToggleIfChanged(module, enabled, actor, stillSo);
        } catch (RuntimeException e) {
            LOG.error("could not audit the switch of {}: {}", module, e.getMessage());
        }
    }

    /** Applies a switch at once (the configuration file that persists it follows through FileInstall). */
    synchronized void override(String module, boolean enabled) {
        switches.put(module, enabled);
        if (enabled) {
            releaseQuarantine(module);
        }
        rebuild();
    }

    private void releaseQuarantine(String module) {
        for (DetectorHandle h : detectors.values()) {
            if (h.scenario.equals(module) || h.bundleSymbolicName.equals(module)) {
                h.release();
            }
        }
    }

    boolean enabled(DetectorHandle h) {
        return switches.getOrDefault(h.scenario, true) && switches.getOrDefault(h.bundleSymbolicName, true);
    }

    boolean bundleEnabled(String symbolicName) {
        return switches.getOrDefault(symbolicName, true);
    }

    /** True when a switch for the module is in force (for listing ids with no live detector). */
    Map<String, Boolean> switches() {
        return Map.copyOf(switches);
    }

    /** The names of the configuration files whose switches are applied. */
    Set<String> appliedSwitchFiles() {
        return Set.copyOf(switchFiles.values());
    }

    Collection<DetectorHandle> all() {
        List<DetectorHandle> list = new ArrayList<>(detectors.values());
        list.sort(Comparator.comparing((DetectorHandle h) -> h.scenario).thenComparingLong(h -> h.serviceId));
        return list;
    }

    /** Called when a detector's health changed its eligibility (quarantine). */
    synchronized void rebuild() {
        List<DetectorHandle> eligible = new ArrayList<>();
        for (DetectorHandle h : all()) {
            if (!h.refused() && h.passed() && !h.quarantined() && enabled(h)) {
                eligible.add(h);
            }
        }
        List<DetectorHandle> anyCode = eligible.stream().filter(h -> h.errorCodes.length == 0).toList();
        Map<Integer, List<DetectorHandle>> byCode = new HashMap<>();
        for (DetectorHandle h : eligible) {
            for (int code : h.errorCodes) {
                byCode.computeIfAbsent(code, c -> eligible.stream().filter(x -> x.accepts(c)).toList());
            }
        }
        active = new Active(anyCode, Map.copyOf(byCode));
    }

    private static String fileName(Map<String, Object> props) {
        Object location = props.get("felix.fileinstall.filename");
        if (location == null) {
            return "configuration " + props.get(Constants.SERVICE_PID);
        }
        return pathOf(location.toString()).getFileName().toString();
    }

    private static Path pathOf(String location) {
        try {
            return location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        } catch (RuntimeException e) {
            return Path.of(location);
        }
    }
}
