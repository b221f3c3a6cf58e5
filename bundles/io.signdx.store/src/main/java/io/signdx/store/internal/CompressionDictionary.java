package io.signdx.store.internal;

import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;

/**
 * One of a store's zstd dictionaries (row {@link #id} of its {@code dictionaries} table) with zstd's digested forms,
 * made on first use and then shared by every thread's context ({@link Packer}): digesting a 112 KB dictionary
 * takes longer than compressing hundreds of sign-ins. The digested forms live in native memory, and a context that
 * loaded one keeps a pointer to it: {@link #close} only when no context that may have loaded it is used again.
 */
final class CompressionDictionary implements AutoCloseable {
    final long id;
    final byte[] bytes;
    private ZstdDictCompress compress;
    private ZstdDictDecompress decompress;

    CompressionDictionary(long id, byte[] bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    synchronized ZstdDictCompress forCompression() {
        if (compress == null) {
            compress = new ZstdDictCompress(bytes, Packer.LEVEL);
        }
        return compress;
    }

    synchronized ZstdDictDecompress forDecompression() {
        if (decompress == null) {
            decompress = new ZstdDictDecompress(bytes);
        }
        return decompress;
    }

    @Override
    public synchronized void close() {
        if (compress != null) {
            compress.close();
            compress = null;
        }
        if (decompress != null) {
            decompress.close();
            decompress = null;
        }
    }
}
