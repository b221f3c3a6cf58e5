package io.signdx.store.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;
import io.signdx.source.file.internal.FileSignInReader;

/**
 * Per-stage cost of packing a sign-in for the store, one thread, on sign-ins read into memory (prints, asserts
 * nothing; lives in the store's package on the benchmark's class path to reach its package-private classes):
 * <pre>java -cp … io.signdx.store.internal.CodecProbe FILE [COUNT] [-Ddictionaries=true]</pre>
 * The store's dictionary is made from the first 5,000 sign-ins (as from a first batch) and measured on the others:
 * encoding, compressing ({@link Packer#pack}), unpacking, and for comparison re-reading the raw record through the
 * file reader (what layout 2 did to check a sign-in when storing it and to read it back). With
 * {@code -Ddictionaries=true}, zstd with each kind and size of dictionary at several levels.
 */
public final class CodecProbe {
    private CodecProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        List<SignIn> all = new ArrayList<>();
        new FileSignInReader().read(file, false, s -> {
            if (all.size() < count) {
                all.add(s);
            }
        });
        List<SignIn> first = all.subList(0, Math.min(5000, all.size() / 4));
        List<SignIn> rest = all.subList(first.size(), all.size());
        int n = rest.size();
        System.out.printf(Locale.ROOT, "%,d sign-ins measured (dictionary from the %,d before them), mean raw record "
                + "%,d bytes%n", n, first.size(), rest.stream().mapToLong(s -> s.raw().length()).sum() / n);

        GraphJson.RecordReader records = new GraphJson.RecordReader();
        Codec codec = new Codec();
        try (Packer packer = new Packer()) {
            long t0 = System.nanoTime();
            byte[] trained = packer.train(first);
            System.out.printf(Locale.ROOT, "dictionary: %,d bytes, made in %.0f ms%n", trained.length,
                    (System.nanoTime() - t0) / 1e6);
            CompressionDictionary d = new CompressionDictionary(1, trained);
            for (int round = 0; round < 3; round++) {
                t0 = System.nanoTime();
                for (SignIn s : rest) {
                    records.read(s.raw(), s.origin());
                }
                long reread = System.nanoTime() - t0;
                t0 = System.nanoTime();
                long payload = 0;
                for (SignIn s : rest) {
                    codec.encode(s);
                    payload += codec.length();
                }
                long encode = System.nanoTime() - t0;
                byte[][] packed = new byte[n][];
                t0 = System.nanoTime();
                long bytes = 0;
                for (int i = 0; i < n; i++) {
                    packed[i] = packer.pack(rest.get(i), d);
                    bytes += packed[i].length;
                }
                long pack = System.nanoTime() - t0;
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    packer.unpack(packed[i], d, "store");
                }
                long unpack = System.nanoTime() - t0;
                if (round == 2) {
                    System.out.printf(Locale.ROOT, "re-reading the raw record (layout 2's check and read): %.1f µs%n",
                            us(reread, n));
                    System.out.printf(Locale.ROOT, "encoding every field: %.1f µs (payload %,d bytes)%n", us(encode, n),
                            payload / n);
                    System.out.printf(Locale.ROOT, "packing (encode + zstd level %d): %.1f µs, %,d bytes stored%n",
                            Packer.LEVEL, us(pack, n), bytes / n);
                    System.out.printf(Locale.ROOT, "unpacking (zstd + decode): %.1f µs%n", us(unpack, n));
                }
            }
            d.close();
        }
        if (Boolean.getBoolean("dictionaries")) {
            dictionaries(first, rest, codec);
        }
    }

    private static void dictionaries(List<SignIn> first, List<SignIn> rest, Codec codec) {
        int n = rest.size();
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            codec.encode(rest.get(i));
            payloads[i] = Arrays.copyOf(codec.bytes(), codec.length());
        }
        List<byte[]> samples = new ArrayList<>();
        for (SignIn s : first) {
            codec.encode(s);
            samples.add(Arrays.copyOf(codec.bytes(), codec.length()));
        }
        List<String> names = new ArrayList<>();
        List<byte[]> dicts = new ArrayList<>();
        for (int size : new int[] {32 * 1024, 64 * 1024, 112 * 1024}) {
            long t0 = System.nanoTime();
            byte[] d = new byte[size];
            long r = Zstd.trainFromBuffer(samples.toArray(new byte[0][]), d);
            if (Zstd.isError(r)) {
                System.out.println("training " + size + " failed: " + Zstd.getErrorName(r));
                continue;
            }
            names.add(String.format(Locale.ROOT, "trained %dK (%.0f ms)", size / 1024, (System.nanoTime() - t0) / 1e6));
            dicts.add(Arrays.copyOf(d, (int) r));
        }
        for (int size : new int[] {48 * 1024, 112 * 1024}) {
            byte[] d = new byte[0];
            for (int i = samples.size() - 1; i >= 0 && d.length < size; i -= Math.max(1, samples.size() / 60)) {
                byte[] p = samples.get(i);
                byte[] grown = new byte[d.length + p.length];
                System.arraycopy(p, 0, grown, 0, p.length);
                System.arraycopy(d, 0, grown, p.length, d.length);
                d = grown;
            }
            d = Arrays.copyOfRange(d, Math.max(0, d.length - size), d.length);
            names.add("raw content " + d.length / 1024 + "K");
            dicts.add(d);
        }
        byte[] out = new byte[256 * 1024];
        byte[] back = new byte[256 * 1024];
        for (int k = 0; k < dicts.size(); k++) {
            for (int level : new int[] {1, 2, 3, 4, 6}) {
                ZstdDictCompress dc = new ZstdDictCompress(dicts.get(k), level);
                ZstdDictDecompress dd = new ZstdDictDecompress(dicts.get(k));
                try (ZstdCompressCtx c = new ZstdCompressCtx(); ZstdDecompressCtx d = new ZstdDecompressCtx()) {
                    c.setLevel(level);
                    c.loadDict(dc);
                    c.setMagicless(true);
                    c.setContentSize(false);
                    c.setDictID(false);
                    c.setChecksum(true);
                    d.loadDict(dd);
                    d.setMagicless(true);
                    long bytes = 0;
                    long comp = 0;
                    long dec = 0;
                    for (int round = 0; round < 2; round++) {
                        bytes = 0;
                        long t0 = System.nanoTime();
                        byte[][] packed = new byte[n][];
                        for (int i = 0; i < n; i++) {
                            int m = c.compressByteArray(out, 0, out.length, payloads[i], 0, payloads[i].length);
                            packed[i] = Arrays.copyOf(out, m);
                            bytes += m;
                        }
                        comp = System.nanoTime() - t0;
                        t0 = System.nanoTime();
                        for (int i = 0; i < n; i++) {
                            d.decompressByteArray(back, 0, payloads[i].length, packed[i], 0, packed[i].length);
                        }
                        dec = System.nanoTime() - t0;
                    }
                    System.out.printf(Locale.ROOT, "zstd %-26s level %d: %4d bytes, compress %5.1f µs, decompress %4.1f µs%n",
                            names.get(k), level, bytes / n, us(comp, n), us(dec, n));
                }
                dc.close();
                dd.close();
            }
        }
    }

    private static double us(long nanos, int n) {
        return nanos / 1e3 / n;
    }
}
