package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import io.signdx.api.model.SignIn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignInStreamTest {
    @TempDir
    Path dir;

    private final Stubs.Console console = new Stubs.Console();

    @Test
    void filesAreReadInOrderAndEachIterationStartsAgain() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            lines.add("r" + i + ",u" + i + "@contoso.example");
        }
        Path a = Files.write(dir.resolve("a.txt"), lines);
        Path b = Files.write(dir.resolve("b.txt"), List.of("last,z@contoso.example"));
        try (SignInStream s = SignInStream.files(new Stubs.Reader(), List.of(a.toString(), b.toString()), "test",
                console.err)) {
            List<String> ids = new ArrayList<>();
            s.forEach(x -> ids.add(x.id()));
            assertEquals(3001, ids.size());
            assertEquals("r0", ids.get(0));
            assertEquals("last", ids.get(3000));
            int again = 0;
            for (SignIn x : s) {
                again++;
            }
            assertEquals(3001, again);
            assertEquals(6002, s.count());
        }
    }

    @Test
    void aFileThatCannotBeReadSurfacesInTheConsumerAfterTheEarlierOnes() throws Exception {
        Path good = Files.write(dir.resolve("good.txt"), List.of("r1,a@contoso.example"));
        Path bad = Files.write(dir.resolve("bad.txt"), List.of("garbage"));
        try (SignInStream s = SignInStream.files(new Stubs.Reader(), List.of(good.toString(), bad.toString()), "test",
                console.err)) {
            Iterator<SignIn> it = s.iterator();
            assertEquals("r1", it.next().id());
            Command.UsageException e = assertThrows(Command.UsageException.class, it::hasNext);
            assertTrue(e.getMessage().contains("bad.txt: not a sign-in export"), e.getMessage());
        }
        assertThrows(Command.UsageException.class, () -> SignInStream.files(new Stubs.Reader(),
                List.of(dir.resolve("absent.txt").toString()), "test", console.err));
    }

    @Test
    void aConsumerThatStopsEarlyIsNoProblem() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            lines.add("r" + i + ",u@contoso.example");
        }
        Path a = Files.write(dir.resolve("a.txt"), lines);
        try (SignInStream s = SignInStream.files(new Stubs.Reader(), List.of(a.toString()), "test", console.err)) {
            assertEquals("r0", s.iterator().next().id());
        }
        // the reader blocked on its full queue was interrupted by close(); nothing was printed
        assertEquals("", console.err());
    }
}
