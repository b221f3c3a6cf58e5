package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.signdx.api.engine.DetectorInfo;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.engine.DiagnosisService;
import io.signdx.api.engine.ModuleInfo;
import io.signdx.api.engine.ModuleService;
import io.signdx.api.engine.SupportDetails;
import io.signdx.api.model.SignIn;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tenant} for diagnose and summary: the given snapshot, else the installed one, else none. */
class TenantOptionTest {
    @TempDir
    Path dir;

    private final Stubs.Console console = new Stubs.Console();
    private final List<TenantContext> seen = new ArrayList<>();
    private final TenantContext given = Tenants.builder().noPolicies().warning("policies.json: entry 3 skipped").build();
    private final TenantContext installed = Tenants.builder().noPolicies().build();

    private final DiagnosisService engine = new DiagnosisService() {
        @Override
        public Diagnosis diagnose(SignIn signIn, TenantContext tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void diagnoseAll(List<SignIn> signIns, TenantContext tenant, Related related, Consumer<Diagnosis> sink) {
            seen.add(tenant);
            for (SignIn s : signIns) {
                sink.accept(new Diagnosis(s, Diagnosis.NO_SCENARIO, List.of(), new SupportDetails(s.id(), null, null,
                        0, s.userPrincipalName(), s.appId()), List.of()));
            }
        }
    };

    private final ModuleService modules = new ModuleService() {
        @Override
        public List<ModuleInfo> modules() {
            return List.of();
        }

        @Override
        public List<DetectorInfo> detectors() {
            return List.of();
        }

        @Override
        public boolean setEnabled(String id, boolean enabled, String actor) {
            return false;
        }

        @Override
        public boolean awaitSettled(Duration timeout) {
            return true;
        }
    };

    private ServiceHandle<TenantLoader> loader() {
        return Stubs.handle(new Stubs.Loader(given, List.of("policies.json: entry 3 skipped"),
                List.of(TenantPart.NAMED_LOCATIONS)), TenantLoader.class);
    }

    private DiagnoseCommand diagnose(ServiceHandle<TenantLoader> loader, TenantContext current) {
        return new DiagnoseCommand(new Stubs.Reader(), engine, timeout -> true, List.of(), loader,
                Stubs.handle(new Stubs.Snapshots(current), TenantSnapshots.class), console.out, console.err);
    }

    private String input() throws Exception {
        return Files.write(dir.resolve("signins.txt"), List.of("r1,ann@contoso.example,198.51.100.7")).toString();
    }

    @Test
    void diagnoseUsesTheGivenSnapshotAndReportsItsWarnings() throws Exception {
        String tenant = Files.createDirectories(dir.resolve("tenant")).toString();
        assertEquals(0, diagnose(loader(), installed).applyAsInt(new String[] {"--input", input(), "--tenant", tenant,
                "--format", "json"}), console::err);
        assertSame(given, seen.get(0));
        assertTrue(console.err().contains("signdx diagnose: " + tenant + ": 1 warning while reading the snapshot:\n"
                + "  policies.json: entry 3 skipped"), console.err());
        assertTrue(console.err().contains("has no named locations"), console.err());
        assertTrue(console.out().contains("\"id\" : \"r1\""), console.out());
    }

    @Test
    void withoutTenantTheInstalledSnapshotElseNone() throws Exception {
        assertEquals(0, diagnose(loader(), installed).applyAsInt(new String[] {"--input", input()}));
        assertSame(installed, seen.get(0));
        assertEquals(0, diagnose(loader(), null).applyAsInt(new String[] {"--input", input()}));
        assertSame(TenantContext.empty(), seen.get(1));
        // without the tenant bundle at all, diagnosis goes on without a snapshot
        DiagnoseCommand bare = new DiagnoseCommand(new Stubs.Reader(), engine, timeout -> true, List.of(),
                ServiceHandle.direct(null, TenantLoader.class, SnapshotOption.TENANT_BUNDLE),
                ServiceHandle.direct(null, TenantSnapshots.class, SnapshotOption.TENANT_BUNDLE), console.out,
                console.err);
        assertEquals(0, bare.applyAsInt(new String[] {"--input", input()}));
        assertSame(TenantContext.empty(), seen.get(2));
        // but asking for a snapshot then is an error naming the bundle
        assertEquals(2, bare.applyAsInt(new String[] {"--input", input(), "--tenant", dir.toString()}));
        assertTrue(console.err().contains("the bundle io.signdx.tenant is not installed"), console.err());
    }

    @Test
    void aSnapshotThatDoesNotLoadIsAnInputError() throws Exception {
        String broken = Files.createDirectories(dir.resolve("broken")).toString();
        assertEquals(1, diagnose(loader(), null).applyAsInt(new String[] {"--input", input(), "--tenant", broken}));
        assertTrue(console.err().contains("signdx diagnose: --tenant: " + broken + ": not a tenant snapshot"),
                console.err());
        assertTrue(seen.isEmpty());
    }

    @Test
    void summaryTakesTheSnapshotToo() throws Exception {
        SummaryCommand summary = new SummaryCommand(new Stubs.Reader(), engine, modules, List.of(), loader(),
                Stubs.handle(new Stubs.Snapshots(installed), TenantSnapshots.class),
                console.out, console.err);
        String tenant = Files.createDirectories(dir.resolve("tenant")).toString();
        assertEquals(0, summary.applyAsInt(new String[] {"--input", input(), "--tenant", tenant}), console::err);
        assertSame(given, seen.get(0));
        assertTrue(console.out().startsWith("1 sign-ins"), console.out());
        assertEquals(0, summary.applyAsInt(new String[] {"--input", input()}));
        assertSame(installed, seen.get(1));
    }
}
