package io.signdx.store.internal;

import java.util.Arrays;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.graph.GraphJson;

/**
 * Turns sign-ins into stored bytes with one dictionary: the payload ({@link Codec}) compressed ({@link Lz}),
 * behind its uncompressed length. A sign-in the file reader made from its raw record is stored as that record
 * alone, and read back through the same mapping. One instance per thread; the compression runs outside the write transaction
 * so that it can use another core than SQLite's writer.
 */
final class Packer {
    private final Codec codec = new Codec();
    private final GraphJson.RecordReader records = new GraphJson.RecordReader();
    private byte[] out = new byte[32 * 1024];
    private Lz lz;
    private byte[] dictionary;

    /** Packs {@code s} with the given dictionary (sample payloads of the store, see {@link #train}). */
    byte[] pack(SignIn s, byte[] dict) {
        if (dict != dictionary) {
            lz = new Lz(dict);
            dictionary = dict;
        }
        encode(s);
        int n = codec.length();
        int bound = Lz.bound(n);
        if (out.length < bound) {
            out = new byte[Math.max(bound, out.length * 2)];
        }
        int packed = lz.compress(codec.bytes(), n, out);
        byte[] header = new byte[5];
        int h = varint(n, header);
        byte[] data = new byte[h + packed];
        System.arraycopy(header, 0, data, 0, h);
        System.arraycopy(out, 0, data, h, packed);
        return data;
    }

    /**
     * The payload of a sign-in: its raw record alone when the file reader's mapping gives exactly this sign-in
     * back from it (then the record is stored once: a third less to compress and store), else everything.
     */
    private void encode(SignIn s) {
        if (s.raw() != null) {
            try {
                if (Codec.same(s, records.read(s.raw(), s.origin()))) {
                    codec.encodeRaw(s.raw());
                    return;
                }
            } catch (IllegalArgumentException e) {
                // a raw record of another kind: keep the fields
            }
        }
        codec.encode(s);
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
     * A dictionary for a store: the payloads of sign-ins spread over a batch, up to {@link Lz#MAX_DICTIONARY}
     * bytes. Records of one tenant share field names, tenant and app ids, policy names, user agents: with them
     * as a preset dictionary a record compresses to a sixth of its size, where alone it halves.
     */
    static byte[] train(java.util.List<SignIn> batch) {
        Packer sample = new Packer();
        Codec codec = sample.codec;
        int step = Math.max(1, batch.size() / 24);
        byte[] dict = new byte[0];
        for (int i = 0; i < batch.size() && dict.length < Lz.MAX_DICTIONARY * 2; i += step) {
            sample.encode(batch.get(i));
            int n = codec.length();
            byte[] grown = Arrays.copyOf(dict, dict.length + n);
            System.arraycopy(codec.bytes(), 0, grown, dict.length, n);
            dict = grown;
        }
        return dict.length <= Lz.MAX_DICTIONARY ? dict
                : Arrays.copyOfRange(dict, dict.length - Lz.MAX_DICTIONARY, dict.length);
    }

    /** Reads what {@link #pack} wrote. */
    static SignIn unpack(byte[] data, byte[] dict, String origin, GraphJson.RecordReader records) {
        int size = 0;
        int i = 0;
        for (int shift = 0;; shift += 7) {
            if (i >= data.length || shift > 28) {
                throw new IllegalStateException("a stored sign-in is corrupt (bad length)");
            }
            byte b = data[i++];
            size |= (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        if (size < 0 || size > 256 * 1024 * 1024) {
            throw new IllegalStateException("a stored sign-in is corrupt (length " + size + ")");
        }
        byte[] payload = new byte[size];
        Lz.decompress(dict, data, i, data.length, payload, size);
        return Codec.decode(payload, size, origin, records);
    }
}
