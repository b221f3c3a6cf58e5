package io.signdx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/**
 * The parse limit DESIGN §10 measures import and {@code summary} against: a raw Jackson token scan of a file
 * ({@code nextToken()} to the end, nothing kept), best of RUNS (default 3). Prints the seconds alone on the
 * last line, for scripts:
 *
 * <pre>java -cp … io.signdx.bench.TokenScan FILE [RUNS]</pre>
 */
public final class TokenScan {
    private TokenScan() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double[] best = scan(file, runs);
        System.out.printf(Locale.ROOT, "token scan of %s: %.2f s, %,.0f MB/s (%,d tokens, best of %d)%n%.3f%n",
                file.getFileName(), best[0], Files.size(file) / 1e6 / best[0], (long) best[1], runs, best[0]);
    }

    /** @return {best seconds, tokens} */
    static double[] scan(Path file, int runs) throws IOException {
        JsonFactory json = new JsonFactory();
        double best = Double.MAX_VALUE;
        long tokens = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            tokens = 0;
            try (JsonParser p = json.createParser(file.toFile())) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return new double[] {best, tokens};
    }
}
