package io.signdx.policy.internal;

import inet.ipaddr.IPAddress;

/**
 * An address range as two 128-bit numbers (IPv4 in the low bits), compared without allocating: a
 * sign-in's address is tested against every range of every location on each evaluation. Immutable.
 *
 * @param v4 true for IPv4
 * @param startHi high 64 bits of the first address
 * @param startLo low 64 bits of the first address
 * @param endHi high 64 bits of the last address
 * @param endLo low 64 bits of the last address
 */
record IpSpan(boolean v4, long startHi, long startLo, long endHi, long endLo) {

    /** The span of an address or prefix block. */
    static IpSpan of(IPAddress a) {
        byte[] lo = a.getBytes();
        byte[] hi = a.getUpperBytes();
        return new IpSpan(a.isIPv4(), high(lo), low(lo), high(hi), low(hi));
    }

    /** True when the single address {@code addr} lies in this span. */
    boolean contains(IpSpan addr) {
        return addr.v4 == v4 && compare(addr.startHi, addr.startLo, startHi, startLo) >= 0
                && compare(addr.startHi, addr.startLo, endHi, endLo) <= 0;
    }

    private static int compare(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    private static long high(byte[] b) {
        return b.length == 16 ? bits(b, 0) : 0L;
    }

    private static long low(byte[] b) {
        return b.length == 16 ? bits(b, 8) : bits(b, 0);
    }

    private static long bits(byte[] b, int from) {
        long v = 0;
        int to = Math.min(b.length, from + 8);
        for (int i = from; i < to; i++) {
            v = (v << 8) | (b[i] & 0xffL);
        }
        return v;
    }
}
