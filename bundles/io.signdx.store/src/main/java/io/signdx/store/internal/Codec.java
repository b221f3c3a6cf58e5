package io.signdx.store.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.signdx.api.model.AppliedPolicy;
import io.signdx.api.model.AuthenticationContext;
import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.DeviceDetail;
import io.signdx.api.model.Location;
import io.signdx.api.model.NetworkLocation;
import io.signdx.api.model.RequirementPolicy;
import io.signdx.api.model.Risk;
import io.signdx.api.model.SignIn;
import io.signdx.api.model.Status;
import io.signdx.source.file.graph.GraphJson;

/**
 * A stored sign-in as bytes: the raw record as read (UTF-8), then every field of the normalized sign-in in a
 * compact binary form ({@link #FULL}). The raw record comes first so that the compressor finds the normalized
 * strings in it (an id, a name or a user agent costs a reference, not its text again); the binary form is read
 * back without parsing any JSON. A sign-in comes back equal in every field, its raw record included, whatever
 * produced it. Layout 2 also kept the raw record alone ({@link #RAW}) when the file reader's mapping gave the
 * sign-in back from it; such payloads are read only while upgrading a layout 2 store. Not thread-safe: one
 * instance per thread.
 */
final class Codec {
    /** Payload format (written first): the raw record, then every field. A change of the layout gets a new number. */
    static final int FULL = 1;
    /** Payload format of layout 2 only: the raw record alone, from which the file reader's mapping gives the sign-in back. */
    static final int RAW = 2;

    private byte[] buf = new byte[16 * 1024];
    private int pos;

    /** Encodes a sign-in; the bytes are {@link #bytes()}[0, {@link #length()}) until the next call. */
    void encode(SignIn s) {
        pos = 0;
        varint(FULL);
        string(s.raw());
        string(s.id());
        instant(s.createdDateTime());
        string(s.correlationId());
        string(s.originalRequestId());
        string(s.userId());
        string(s.userPrincipalName());
        string(s.userDisplayName());
        string(s.userTypeValue());
        string(s.appId());
        string(s.appDisplayName());
        string(s.resourceId());
        string(s.resourceDisplayName());
        string(s.servicePrincipalId());
        string(s.servicePrincipalName());
        string(s.clientCredentialType());
        string(s.managedIdentityType());
        string(s.ipAddress());
        Location l = s.location();
        string(l.city());
        string(l.state());
        string(l.countryOrRegion());
        decimal(l.latitude());
        decimal(l.longitude());
        string(s.clientAppUsed());
        bool(s.isInteractive());
        string(s.authenticationProtocol());
        Status st = s.status();
        varint(zigzag(st.errorCode()));
        string(st.failureReason());
        string(st.additionalDetails());
        string(s.conditionalAccessStatusValue());
        varint(s.appliedConditionalAccessPolicies().size());
        for (AppliedPolicy p : s.appliedConditionalAccessPolicies()) {
            string(p.id());
            string(p.displayName());
            string(p.resultValue());
            strings(p.enforcedGrantControls());
            strings(p.enforcedSessionControls());
            strings(p.conditionsSatisfied());
            strings(p.conditionsNotSatisfied());
        }
        string(s.authenticationRequirementValue());
        varint(s.authenticationRequirementPolicies().size());
        for (RequirementPolicy r : s.authenticationRequirementPolicies()) {
            string(r.requirementProvider());
            string(r.detail());
        }
        varint(s.authenticationDetails().size());
        for (AuthenticationDetail d : s.authenticationDetails()) {
            instant(d.stepDateTime());
            string(d.method());
            string(d.methodDetail());
            bool(d.succeeded());
            string(d.resultDetail());
            string(d.requirement());
        }
        strings(s.authenticationMethodsUsed());
        DeviceDetail dev = s.deviceDetail();
        string(dev.deviceId());
        string(dev.displayName());
        string(dev.operatingSystem());
        string(dev.browser());
        bool(dev.isCompliant());
        bool(dev.isManaged());
        string(dev.trustType());
        Risk risk = s.risk();
        string(risk.riskLevelDuringSignInValue());
        string(risk.riskLevelAggregatedValue());
        string(risk.riskStateValue());
        string(risk.riskDetail());
        strings(risk.riskEventTypes());
        string(s.crossTenantAccessTypeValue());
        string(s.homeTenantId());
        string(s.resourceTenantId());
        bool(s.flaggedForReview());
        string(s.userAgent());
        strings(s.signInEventTypes());
        varint(s.networkLocationDetails().size());
        for (NetworkLocation n : s.networkLocationDetails()) {
            string(n.networkType());
            strings(n.networkNames());
        }
        string(s.incomingTokenType());
        string(s.tokenIssuerType());
        // Added after the first stores were written: a payload that ends before here reads as "not recorded".
        string(s.originalTransferMethod());
        List<AuthenticationContext> contexts = s.authenticationContextClassReferences();
        // 0: not recorded (null); 1: the list follows
        varint(contexts == null ? 0 : 1);
        if (contexts != null) {
            varint(contexts.size());
            for (AuthenticationContext c : contexts) {
                string(c.id());
                string(c.detail());
            }
        }
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return pos;
    }

    private void room(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    private void varint(long v) {
        room(10);
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** Length + 1 (0 for null), then UTF-8. */
    private void string(String s) {
        if (s == null) {
            varint(0);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        varint(b.length + 1L);
        room(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void strings(Collection<String> values) {
        varint(values.size());
        for (String v : values) {
            string(v);
        }
    }

    private void bool(Boolean b) {
        varint(b == null ? 0 : b ? 2 : 1);
    }

    private void instant(Instant i) {
        if (i == null) {
            varint(0);
            return;
        }
        varint(1);
        varint(zigzag(i.getEpochSecond()));
        varint(i.getNano());
    }

    private void decimal(Double d) {
        if (d == null) {
            varint(0);
            return;
        }
        varint(1);
        room(8);
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (bits >>> (8 * i));
        }
    }

    /**
     * Reads a payload {@link #encode} wrote; with {@code records}, also a layout 2 payload of the raw record alone.
     *
     * @throws IllegalStateException when the bytes are not such a payload
     */
    static SignIn decode(byte[] b, int length, String origin, GraphJson.RecordReader records) {
        Reader r = new Reader(b, length);
        try {
            int format = (int) r.varint();
            if (format == RAW && records != null) {
                String raw = r.string();
                if (raw == null || r.pos != length) {
                    throw new IllegalStateException("raw record expected");
                }
                try {
                    return records.read(raw, origin);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("the raw record no longer reads as a sign-in: " + e.getMessage(), e);
                }
            }
            if (format != FULL) {
                throw new IllegalStateException("payload format " + format + " (this layout has " + FULL + ")");
            }
            SignIn.Builder s = SignIn.builder().raw(r.string()).origin(origin)
                    .id(r.string())
                    .createdDateTime(r.instant())
                    .correlationId(r.string())
                    .originalRequestId(r.string())
                    .userId(r.string())
                    .userPrincipalName(r.string())
                    .userDisplayName(r.string())
                    .userTypeValue(r.string())
                    .appId(r.string())
                    .appDisplayName(r.string())
                    .resourceId(r.string())
                    .resourceDisplayName(r.string())
                    .servicePrincipalId(r.string())
                    .servicePrincipalName(r.string())
                    .clientCredentialType(r.string())
                    .managedIdentityType(r.string())
                    .ipAddress(r.string())
                    .location(new Location(r.string(), r.string(), r.string(), r.decimal(), r.decimal()))
                    .clientAppUsed(r.string())
                    .isInteractive(r.bool())
                    .authenticationProtocol(r.string())
                    .status(new Status((int) unzigzag(r.varint()), r.string(), r.string()))
                    .conditionalAccessStatusValue(r.string());
            int n = r.count();
            List<AppliedPolicy> policies = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                policies.add(new AppliedPolicy(r.string(), r.string(), r.string(), r.list(), r.list(), r.set(),
                        r.set()));
            }
            s.appliedConditionalAccessPolicies(policies).authenticationRequirementValue(r.string());
            n = r.count();
            List<RequirementPolicy> requirements = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                requirements.add(new RequirementPolicy(r.string(), r.string()));
            }
            s.authenticationRequirementPolicies(requirements);
            n = r.count();
            List<AuthenticationDetail> steps = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                steps.add(new AuthenticationDetail(r.instant(), r.string(), r.string(), r.bool(), r.string(),
                        r.string()));
            }
            s.authenticationDetails(steps).authenticationMethodsUsed(r.list())
                    .deviceDetail(new DeviceDetail(r.string(), r.string(), r.string(), r.string(), r.bool(), r.bool(),
                            r.string()))
                    .risk(new Risk(r.string(), r.string(), r.string(), r.string(), r.list()))
                    .crossTenantAccessTypeValue(r.string())
                    .homeTenantId(r.string())
                    .resourceTenantId(r.string())
                    .flaggedForReview(Boolean.TRUE.equals(r.bool()))
                    .userAgent(r.string())
                    .signInEventTypes(r.list());
            n = r.count();
            List<NetworkLocation> networks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                networks.add(new NetworkLocation(r.string(), r.list()));
            }
            s.networkLocationDetails(networks).incomingTokenType(r.string()).tokenIssuerType(r.string());
            if (r.pos < length) { // written with the fields of API 1.1
                s.originalTransferMethod(r.string());
                long recorded = r.varint();
                if (recorded > 1) {
                    throw new IllegalStateException("authentication contexts marked " + recorded);
                }
                if (recorded == 1) {
                    n = r.count();
                    List<AuthenticationContext> contexts = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        contexts.add(new AuthenticationContext(r.string(), r.string()));
                    }
                    s.authenticationContextClassReferences(contexts);
                }
            }
            if (r.pos != length) {
                throw new IllegalStateException((length - r.pos) + " bytes too many");
            }
            return s.build();
        } catch (IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) { // out of bounds, a null in a list, a time out of range: damaged bytes
            throw new IllegalStateException("damaged payload (" + e + ")", e);
        }
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static final class Reader {
        final byte[] b;
        final int length;
        int pos;

        Reader(byte[] b, int length) {
            this.b = b;
            this.length = length;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= length) {
                    throw new IndexOutOfBoundsException(pos);
                }
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return v;
                }
            }
            throw new IllegalStateException("a number is too long");
        }

        int count() {
            long n = varint();
            if (n < 0 || n > length - pos) {
                throw new IllegalStateException("a list of " + n);
            }
            return (int) n;
        }

        String string() {
            long n = varint();
            if (n == 0) {
                return null;
            }
            if (n - 1 > length - pos) {
                throw new IndexOutOfBoundsException(pos);
            }
            String s = new String(b, pos, (int) (n - 1), StandardCharsets.UTF_8);
            pos += (int) (n - 1);
            return s;
        }

        List<String> list() {
            int n = count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        Set<String> set() {
            int n = count();
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        Boolean bool() {
            long v = varint();
            return v == 0 ? null : v == 2;
        }

        Instant instant() {
            if (varint() == 0) {
                return null;
            }
            return Instant.ofEpochSecond(unzigzag(varint()), varint());
        }

        Double decimal() {
            if (varint() == 0) {
                return null;
            }
            if (pos + 8 > length) {
                throw new IndexOutOfBoundsException(pos);
            }
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (b[pos++] & 0xFFL) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }
    }
}
