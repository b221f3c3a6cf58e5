package io.signdx.store.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

import io.signdx.api.model.SignIn;

/**
 * Turns sign-ins into stored bytes and back: the sign-in's {@link Codec} payload (its raw record, then every field),
 * compressed by zstd with one of the store's dictionaries, behind the payload's length.
 *
 * <p>Why every field and not the raw record alone (layout 2 kept the raw record alone when the file reader's mapping
 * gave the same sign-in back from it): checking that when storing meant reading the record again, ≈ 20 µs a sign-in,
 * and reading a stored sign-in meant the same again, ≈ 28 µs a row of every page shown; with a zstd dictionary the
 * fields add ≈ 130 bytes to ≈ 260, and a sign-in comes back field for field by construction, whatever made it and
 * whatever a later version of the reader would make of its record.
 *
 * <p>Frames are written without zstd's magic number, dictionary id and content size (the row names its dictionary,
 * the length is in front: 8 bytes less a row) but with its checksum, so that damage to a row is reported rather
 * than read as another sign-in. Level {@value #LEVEL}: measured on synthetic Graph sign-ins with a dictionary of
 * 112 KB, levels 1–4 compress in 6–10 µs, level 3 is the smallest of them (levels from 6 on take 30 µs and more).
 *
 * <p>One instance per thread: it holds a zstd compression and decompression context (native memory: {@link #close}).
 */
final class Packer implements AutoCloseable {
    static final int LEVEL = 3;
    /** zstd's trainer makes a dictionary of at most this size. */
    static final int DICTIONARY_SIZE = 112 * 1024;
    /** Below this many sign-ins a dictionary is their payloads themselves (zstd's trainer needs more samples). */
    static final int TRAINING_MIN = 100;
    /** The trainer sees at most this many payloads, spread over the batch (≈ 0.5 s for 2,000). */
    private static final int TRAINING_MAX = 2000;
    /** A longer payload is damage (a sign-in record is a few KB; Graph caps far lower than this). */
    private static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private final Codec codec = new Codec();
    private final ZstdCompressCtx compressor = new ZstdCompressCtx();
    private final ZstdDecompressCtx decompressor = new ZstdDecompressCtx();
    private CompressionDictionary compressingWith;
    private CompressionDictionary decompressingWith;
    private byte[] out = new byte[16 * 1024];
    private byte[] plain = new byte[16 * 1024];

    Packer() {
        compressor.setLevel(LEVEL);
        compressor.setMagicless(true);
        compressor.setDictID(false);
        compressor.setContentSize(false);
        compressor.setChecksum(true);
        decompressor.setMagicless(true);
    }

    /** The stored bytes of {@code s}, compressed with {@code dictionary}. */
    byte[] pack(SignIn s, CompressionDictionary dictionary) {
        if (dictionary != compressingWith) {
            compressor.loadDict(dictionary.forCompression());
            compressingWith = dictionary;
        }
        codec.encode(s);
        int n = codec.length();
        if (n > MAX_PAYLOAD) {
            // unpack refuses such a length as damage: never store what cannot be read back
            throw new IllegalArgumentException("the sign-in " + s.id() + " takes " + n + " bytes, more than the "
                    + MAX_PAYLOAD + " the store keeps for one sign-in");
        }
        int room = 5 + n + (n >>> 7) + 128; // zstd's bound is n + n/256 + a frame header and checksum
        if (out.length < room) {
            out = new byte[Math.max(room, out.length * 2)];
        }
        int h = varint(n, out);
        int packed = compressor.compressByteArray(out, h, out.length - h, codec.bytes(), 0, n);
        return Arrays.copyOf(out, h + packed);
    }

    /** The payload's length written in front of stored bytes (a varint, as in layout 2), and where it ends. */
    record Length(int size, int end) {
        static Length of(byte[] data) {
            int size = 0;
            int i = 0;
            for (int shift = 0;; shift += 7) {
                if (i >= data.length || shift > 28) {
                    throw new IllegalStateException("bad length");
                }
                byte b = data[i++];
                size |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return new Length(size, i);
                }
            }
        }
    }

    /**
     * The sign-in of stored bytes {@link #pack} wrote with {@code dictionary}.
     *
     * @throws IllegalStateException when the bytes are not such a sign-in (damaged, or packed with another dictionary)
     */
    SignIn unpack(byte[] data, CompressionDictionary dictionary, String origin) {
        Length length = Length.of(data);
        int size = length.size();
        int i = length.end();
        if (size <= 0 || size > MAX_PAYLOAD) {
            throw new IllegalStateException("length " + size);
        }
        if (dictionary != decompressingWith) {
            decompressor.loadDict(dictionary.forDecompression());
            decompressingWith = dictionary;
        }
        if (plain.length < size) {
            plain = new byte[Math.max(size, plain.length * 2)];
        }
        int n;
        try {
            n = decompressor.decompressByteArray(plain, 0, size, data, i, data.length - i);
        } catch (ZstdException e) {
            throw new IllegalStateException("zstd: " + e.getMessage(), e);
        }
        if (n != size) {
            throw new IllegalStateException(n + " bytes instead of " + size);
        }
        return Codec.decode(plain, size, origin, null);
    }

    private static int varint(int v, byte[] b) {
        int i = 0;
        while ((v & ~0x7F) != 0) {
            b[i++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[i++] = (byte) v;
        return i;
    }

    /**
     * A dictionary for a store, made from a batch of its sign-ins: zstd's trainer on up to {@value #TRAINING_MAX}
     * payloads spread over the batch; for a small batch (or when training fails) the payloads themselves, the latest
     * last, up to {@value #DICTIONARY_SIZE} bytes. Records of one tenant share field names, tenant and app ids,
     * policy names and user agents: with a trained dictionary a 3 KB Graph sign-in with its fields is stored in
     * ≈ 390 bytes, with its payloads as dictionary in ≈ 500, without one in ≈ 1,100.
     */
    byte[] train(List<SignIn> batch) {
        int step = Math.max(1, batch.size() / TRAINING_MAX);
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < batch.size(); i += step) {
            codec.encode(batch.get(i));
            samples.add(Arrays.copyOf(codec.bytes(), codec.length()));
        }
        if (samples.size() >= TRAINING_MIN) {
            byte[] dict = new byte[DICTIONARY_SIZE];
            long n = Zstd.trainFromBuffer(samples.toArray(new byte[0][]), dict);
            if (!Zstd.isError(n) && n > 0) {
                return Arrays.copyOf(dict, (int) n);
            }
        }
        byte[] dict = new byte[0];
        for (int i = samples.size() - 1; i >= 0 && dict.length < DICTIONARY_SIZE; i--) {
            byte[] s = samples.get(i);
            byte[] grown = new byte[dict.length + s.length];
            System.arraycopy(s, 0, grown, 0, s.length);
            System.arraycopy(dict, 0, grown, s.length, dict.length);
            dict = grown;
        }
        return dict.length <= DICTIONARY_SIZE ? dict : Arrays.copyOfRange(dict, dict.length - DICTIONARY_SIZE,
                dict.length);
    }

    /** Frees the zstd contexts. Dictionaries they loaded may be closed after this. */
    @Override
    public void close() {
        compressor.close();
        decompressor.close();
    }
}
