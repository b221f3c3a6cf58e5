package io.signdx.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built product's bin/signdx as a user would, in a child process. */
final class ProductProcess {
    record Result(int exitCode, String out, String err) {
    }

    static Path product() {
        return Path.of(System.getProperty("signdx.product", "target/signdx"));
    }

    static Path bin() {
        return product().resolve("bin/signdx");
    }

    static ProcessBuilder builder(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(bin().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("SIGNDX_HOME");
        pb.environment().putAll(env);
        return pb;
    }

    static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("signdx-out", ".txt");
        Path err = Files.createTempFile("signdx-err", ".txt");
        Process p = builder(env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("signdx " + String.join(" ", args) + " did not finish in 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /** A running {@code signdx serve} on a free port of 127.0.0.1; closing it stops the process (SIGTERM). */
    record Serving(Process process, String base, Path log) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("serve did not stop within 30 s of SIGTERM");
            }
        }
    }

    /** Starts {@code signdx serve --home home} and waits until {@code /api/health} answers 200. */
    static Serving serve(Path home, Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(home);
        Path log = home.resolve("serve.log");
        Process p = builder(env, "serve", "--port", String.valueOf(port), "--home", home.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String base = "http://127.0.0.1:" + port;
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                if (http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Serving(p, base, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("serve did not answer /api/health: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    private ProductProcess() {
    }
}
