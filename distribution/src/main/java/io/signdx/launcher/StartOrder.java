package io.signdx.launcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Orders resolved bundles so that every bundle starts after the bundles it is wired to (providers
 * before consumers): the logging provider before the bundles that log, SCR before the components'
 * bundles. Cycles are broken by bundle id.
 */
final class StartOrder {
    private StartOrder() {
    }

    static List<Bundle> of(List<Bundle> bundles) {
        Map<Bundle, Set<Bundle>> providers = new LinkedHashMap<>();
        List<Bundle> sorted = new ArrayList<>(bundles);
        sorted.sort(Comparator.comparingLong(Bundle::getBundleId));
        for (Bundle b : sorted) {
            Set<Bundle> deps = new HashSet<>();
            BundleWiring wiring = b.adapt(BundleWiring.class);
            if (wiring != null) {
                for (BundleWire w : wiring.getRequiredWires(null)) {
                    Bundle provider = w.getProviderWiring().getBundle();
                    if (provider != b && bundles.contains(provider)) {
                        deps.add(provider);
                    }
                }
            }
            providers.put(b, deps);
        }
        List<Bundle> order = new ArrayList<>();
        Set<Bundle> visiting = new HashSet<>();
        for (Bundle b : sorted) {
            visit(b, providers, visiting, order);
        }
        return order;
    }

    private static void visit(Bundle b, Map<Bundle, Set<Bundle>> providers, Set<Bundle> visiting, List<Bundle> order) {
        if (order.contains(b) || !visiting.add(b)) {
            return;
        }
        List<Bundle> deps = new ArrayList<>(providers.getOrDefault(b, Set.of()));
        deps.sort(Comparator.comparingLong(Bundle::getBundleId));
        for (Bundle d : deps) {
            visit(d, providers, visiting, order);
        }
        order.add(b);
    }
}
