package io.signdx.api.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import io.signdx.api.model.Location;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;

import org.junit.jupiter.api.Test;

class EvidenceTableTest {
    @Test
    void signInRowsKeepOrderAndTurnMissingValuesIntoEmptyCells() {
        SignIn full = SignIn.builder().id("a").createdDateTime(Instant.parse("2026-11-16T09:00:00Z"))
                .userPrincipalName("ann@contoso.example").appDisplayName("Outlook").ipAddress("198.51.100.7")
                .location(new Location("Oslo", null, "NO", null, null)).clientAppUsed("IMAP4")
                .status(new Status(50126, "Invalid username or password", null)).build();
        SignIn bare = SignIn.builder().id("b").build();
        EvidenceTable t = EvidenceTable.ofSignIns("Attempts", List.of(full, bare));
        assertEquals(EvidenceTable.SIGN_IN_COLUMNS, t.columns());
        assertEquals(List.of("2026-11-16T09:00:00Z", "ann@contoso.example", "Outlook", "198.51.100.7", "Oslo, NO",
                "IMAP4", "", "50126", "Invalid username or password"), t.rows().get(0));
        assertEquals(List.of("", "unknown user", "unknown application", "", "", "", "", "0", ""), t.rows().get(1));
    }

    @Test
    void authenticationStepsInTheRecordsOrder() {
        EvidenceTable t = EvidenceTable.ofAuthenticationSteps(List.of(
                new io.signdx.api.model.AuthenticationDetail(Instant.parse("2026-11-16T09:00:00Z"), "Password",
                        "Password Hash Sync", true, "Correct password", "Primary authentication"),
                new io.signdx.api.model.AuthenticationDetail(null, "Mobile app notification", null, null, null,
                        "Multifactor authentication")));
        assertEquals(EvidenceTable.STEP_COLUMNS, t.columns());
        assertEquals(List.of("2026-11-16T09:00:00Z", "Primary authentication", "Password", "Password Hash Sync", "yes",
                "Correct password"), t.rows().get(0));
        assertEquals(List.of("", "Multifactor authentication", "Mobile app notification", "", "", ""), t.rows().get(1));
    }

    @Test
    void timesReadAsInstantWritesThemWhateverTheirPrecisionAndYear() {
        java.util.Random random = new java.util.Random(3);
        List<Instant> samples = new java.util.ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-11-16T09:00:00Z"),
                Instant.parse("2026-11-16T09:00:00.100Z"), Instant.parse("2026-11-16T09:00:00.000100Z"),
                Instant.parse("2026-11-16T09:00:00.000000100Z"), Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("0999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX));
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            int nano = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            samples.add(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant t : samples) {
            assertEquals(t.toString(), EvidenceTable.time(t));
        }
        assertEquals("", EvidenceTable.time(null));
    }
}
