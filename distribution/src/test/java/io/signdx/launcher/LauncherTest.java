package io.signdx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void homeComesFromTheFlagTheEnvironmentOrTheProduct() throws Exception {
        Path product = Path.of("/opt/signdx");
        Options o = Options.parse(new String[] {"modules", "--home", "/data/x", "list"}, Map.of(), product);
        assertEquals(Path.of("/data/x"), o.home);
        assertEquals("modules", o.command);
        assertEquals(List.of("list"), o.rest);
        assertEquals(Path.of("/env"), Options.parse(new String[] {"modules"}, Map.of("SIGNDX_HOME", "/env"), product).home);
        assertEquals(product, Options.parse(new String[] {"modules"}, Map.of(), product).home);
        assertEquals(Path.of("/eq"), Options.parse(new String[] {"--home=/eq", "serve"}, Map.of(), product).home);
        assertTrue(Options.parse(new String[] {"--help"}, Map.of(), product).help);
        assertNull(Options.parse(new String[0], Map.of(), product).command);
    }

    @Test
    void badLauncherArgumentsAreUsageErrors() {
        Main.LauncherException e = assertThrows(Main.LauncherException.class,
                () -> Options.parse(new String[] {"--verbose", "serve"}, Map.of(), dir));
        assertEquals(1, e.exitCode);
        assertEquals(1, assertThrows(Main.LauncherException.class,
                () -> Options.parse(new String[] {"serve", "--home"}, Map.of(), dir)).exitCode);
    }

    @Test
    void serveOptions() throws Exception {
        assertEquals(new ServeOptions(8080, "127.0.0.1"), ServeOptions.parse(List.of()));
        assertEquals(new ServeOptions(9000, "::1"), ServeOptions.parse(List.of("--port", "9000", "--bind", "::1")));
        for (List<String> bad : List.of(List.of("--port", "0"), List.of("--port", "x"), List.of("--port"),
                List.of("--bind"), List.of("--open"))) {
            assertEquals(1, assertThrows(Main.LauncherException.class, () -> ServeOptions.parse(bad)).exitCode,
                    bad.toString());
        }
    }

    @Test
    void commandsAreFoundInComponentDescriptionsWithoutStartingTheFramework() throws Exception {
        Path good = jar("cmds.jar", "OSGI-INF/io.x.ModulesCommand.xml",
                "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"m\">"
                        + "<property name=\"signdx.command\" type=\"String\" value=\"modules\"/>"
                        + "<property name=\"signdx.command.summary\" type=\"String\" value=\"list modules\"/>"
                        + "</scr:component>");
        Path other = jar("other.jar", "OSGI-INF/io.x.Thing.xml", "<scr:component name=\"t\"/>");
        Path corrupt = dir.resolve("corrupt.jar");
        Files.writeString(corrupt, "not a zip");
        assertEquals(Map.of("modules", "list modules"), CommandCatalog.scan(List.of(good, other, corrupt)));
        String usage = Main.usage(CommandCatalog.scan(List.of(good)));
        assertTrue(usage.contains("  modules      list modules"), usage);
        assertTrue(usage.contains("  serve "), usage);
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); JarOutputStream out = new JarOutputStream(os)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return p;
    }
}
