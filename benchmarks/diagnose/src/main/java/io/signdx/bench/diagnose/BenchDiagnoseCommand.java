package io.signdx.bench.diagnose;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.ingest.SignInReader;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code signdx bench-diagnose --input FILE... [--rounds N] [--per-bundle]}: reads the files into memory
 * once, then times bulk diagnosis alone (the engine and every active detector, related sign-ins from
 * the batch) over several rounds after a warm-up; with {@code --per-bundle}, once more with each
 * scenario bundle switched off, to show what each costs. Added to a copy of the product by
 * benchmarks/diagnose.sh, never shipped.
 */
@Component(service = ToIntFunction.class, property = {"signdx.command=bench-diagnose",
        "signdx.command.summary=benchmark: time bulk diagnosis of export files held in memory"})
public final class BenchDiagnoseCommand implements ToIntFunction<String[]> {
    private final SignInReader reader;
    private final DiagnosisService engine;
    private final ModuleService modules;

    @Activate
    public BenchDiagnoseCommand(@Reference SignInReader reader, @Reference DiagnosisService engine,
            @Reference ModuleService modules) {
        this.reader = reader;
        this.engine = engine;
        this.modules = modules;
    }

    @Override
    public int applyAsInt(String[] args) {
        List<String> files = new ArrayList<>();
        int rounds = 5;
        boolean perBundle = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> files.add(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--per-bundle" -> perBundle = true;
                default -> files.add(args[i]);
            }
        }
        try {
            modules.awaitSettled(Duration.ofSeconds(30));
            List<SignIn> all = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String f : files) {
                reader.read(Path.of(f), false, all::add);
            }
            System.out.printf(Locale.ROOT, "read %,d sign-ins in %.1f s%n", all.size(), (System.nanoTime() - t0) / 1e9);
            Map<String, Long> primary = new TreeMap<>();
            // the JIT needs several runs over the detectors before the figures settle (on 2 cores about
            // five runs of 200,000)
            time("warm-up 1", all, primary);
            for (int w = 2; w <= 6; w++) {
                time("warm-up " + w, all, null);
            }
            double[] rates = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                rates[r] = time("round " + (r + 1), all, null);
            }
            Arrays.sort(rates);
            System.out.printf(Locale.ROOT, "all bundles: median %,.0f sign-ins/s, best %,.0f (%d rounds, %d cores)%n",
                    rates[rounds / 2], rates[rounds - 1], rounds, Runtime.getRuntime().availableProcessors());
            System.out.println("primary scenarios: " + primary);
            if (perBundle) {
                for (ModuleInfo m : modules.modules()) {
                    if (!m.symbolicName().startsWith("io.signdx.scenario.") && !m.symbolicName().equals("io.signdx.catalog")) {
                        continue;
                    }
                    // best of two with and without, measured back to back: the difference is the bundle's cost
                    double with = Math.max(time("with all", all, null), time("with all", all, null));
                    modules.setEnabled(m.symbolicName(), false, "benchmark");
                    double without = Math.max(time("without " + m.symbolicName(), all, null),
                            time("without " + m.symbolicName(), all, null));
                    modules.setEnabled(m.symbolicName(), true, "benchmark");
                    System.out.printf(Locale.ROOT, "  %-36s %6.2f µs per sign-in%n", m.symbolicName(),
                            1e6 / with - 1e6 / without);
                }
            }
            return 0;
        } catch (Exception e) {
            System.err.println("bench-diagnose: " + e);
            return 2;
        }
    }

    private double time(String label, List<SignIn> all, Map<String, Long> primary) {
        long[] count = {0};
        long t0 = System.nanoTime();
        engine.diagnoseAll(all, TenantContext.empty(), DiagnosisService.Related.BATCH, d -> {
            count[0]++;
            if (primary != null) {
                primary.merge(d.scenario(), 1L, Long::sum);
            }
        });
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = count[0] / secs;
        System.out.printf(Locale.ROOT, "%s: %,d in %.2f s = %,.0f sign-ins/s%n", label, count[0], secs, rate);
        return rate;
    }
}
