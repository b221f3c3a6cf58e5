package io.signdx.source.file.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

/**
 * Reads a Graph-shaped sign-in straight from the token stream into the values {@link GraphSignInMapper} would
 * take from its tree, without building the tree: the import's hot path (DESIGN §10 wants parsing at half the
 * speed of a bare token scan; a tree per record and its lookups cost three times the scan).
 *
 * <p>It means exactly what the tree mapper means: a field is matched by its exact name first (the last of
 * equal names wins, as in a tree) and else by the first name equal ignoring case; null and empty text are
 * absent; a value whose token is not the usual one for its field (a number where text is expected, JSON kept
 * in a string, an object where a list is expected) is read as a tree node and handed to the tree mapper's own
 * code, so the rare forms have one implementation. A value that cannot be understood is remembered and
 * reported only if it is the one the tree mapper would have used, in the order it would have met it.
 * Tests compare both paths on every fixture and on distorted variants of them.
 *
 * <p>One instance reads one record; not thread-safe.
 */
final class GraphStream {
    private enum Kind {
        TEXT, BOOL, STRINGS, STATUS, LOCATION, DEVICE, POLICIES, REQUIREMENTS, STEPS, NETWORKS, CONTEXTS
    }

    /** The sign-in's fields this reader knows, in slot order. */
    private static final String[] TOP = {"id", "createdDateTime", "correlationId", "originalRequestId", "userId",
        "userPrincipalName", "userDisplayName", "userType", "appId", "appDisplayName", "resourceId",
        "resourceDisplayName", "servicePrincipalId", "servicePrincipalName", "clientCredentialType",
        "managedIdentityType", "ipAddress", "location", "clientAppUsed", "isInteractive", "authenticationProtocol",
        "status", "conditionalAccessStatus", "appliedConditionalAccessPolicies", "authenticationRequirement",
        "authenticationRequirementPolicies", "authenticationDetails", "authenticationMethodsUsed", "deviceDetail",
        "riskEventTypes_v2", "riskEventTypes", "riskLevelDuringSignIn", "riskLevelAggregated", "riskState",
        "riskDetail", "crossTenantAccessType", "homeTenantId", "resourceTenantId", "flaggedForReview", "userAgent",
        "signInEventTypes", "networkLocationDetails", "incomingTokenType", "tokenIssuerType", "originalTransferMethod",
        "authenticationContextClassReferences"};
    private static final Kind[] TOP_KINDS = new Kind[TOP.length];
    private static final Map<String, Integer> TOP_SLOTS = slots(TOP);

    static {
        java.util.Arrays.fill(TOP_KINDS, Kind.TEXT);
        kind("location", Kind.LOCATION);
        kind("isInteractive", Kind.BOOL);
        kind("flaggedForReview", Kind.BOOL);
        kind("status", Kind.STATUS);
        kind("appliedConditionalAccessPolicies", Kind.POLICIES);
        kind("authenticationRequirementPolicies", Kind.REQUIREMENTS);
        kind("authenticationDetails", Kind.STEPS);
        kind("authenticationMethodsUsed", Kind.STRINGS);
        kind("deviceDetail", Kind.DEVICE);
        kind("riskEventTypes_v2", Kind.STRINGS);
        kind("riskEventTypes", Kind.STRINGS);
        kind("signInEventTypes", Kind.STRINGS);
        kind("networkLocationDetails", Kind.NETWORKS);
        kind("authenticationContextClassReferences", Kind.CONTEXTS);
    }

    private static final String[] STATUS = {"errorCode", "failureReason", "additionalDetails"};
    private static final String[] LOCATION = {"city", "state", "countryOrRegion", "geoCoordinates"};
    private static final String[] GEO = {"latitude", "longitude"};
    private static final String[] DEVICE = {"deviceId", "displayName", "operatingSystem", "browser", "isCompliant",
        "isManaged", "trustType"};
    private static final String[] POLICY = {"id", "displayName", "result", "enforcedGrantControls",
        "enforcedSessionControls", "conditionsSatisfied", "conditionsNotSatisfied"};
    private static final String[] REQUIREMENT = {"requirementProvider", "detail"};
    private static final String[] STEP = {"authenticationStepDateTime", "authenticationMethod",
        "authenticationMethodDetail", "succeeded", "authenticationStepResultDetail", "authenticationStepRequirement"};
    private static final String[] NETWORK = {"networkType", "networkNames"};
    private static final String[] CONTEXT = {"id", "detail", "details"};
    private static final Map<String, Integer> STATUS_SLOTS = slots(STATUS);
    private static final Map<String, Integer> LOCATION_SLOTS = slots(LOCATION);
    private static final Map<String, Integer> GEO_SLOTS = slots(GEO);
    private static final Map<String, Integer> DEVICE_SLOTS = slots(DEVICE);
    private static final Map<String, Integer> POLICY_SLOTS = slots(POLICY);
    private static final Map<String, Integer> REQUIREMENT_SLOTS = slots(REQUIREMENT);
    private static final Map<String, Integer> STEP_SLOTS = slots(STEP);
    private static final Map<String, Integer> NETWORK_SLOTS = slots(NETWORK);
    private static final Map<String, Integer> CONTEXT_SLOTS = slots(CONTEXT);

    /** Keys the record classification looks at, as bits of {@link #keys}. */
    static final int HAS_PROPERTIES = 1;
    static final int HAS_CATEGORY = 1 << 1;
    static final int HAS_OPERATION_NAME = 1 << 2;
    static final int HAS_TIME = 1 << 3;
    static final int HAS_POLICY_ID = 1 << 4;
    static final int HAS_RESULT = 1 << 5;
    static final int HAS_USER_PRINCIPAL_NAME = 1 << 6;
    static final int HAS_CREATED = 1 << 7;
    static final int HAS_STATUS = 1 << 8;
    static final int HAS_ID = 1 << 9;
    static final int EXACT_TIME_GENERATED = 1 << 10;
    static final int EXACT_RESULT_TYPE = 1 << 11;
    static final int EXACT_USER_PRINCIPAL_NAME = 1 << 12;
    static final int EXACT_POLICY_ID = 1 << 13;
    private static final String[] CI_KEYS = {"properties", "category", "operationName", "time", "policyId", "result",
        "userPrincipalName", "createdDateTime", "status", "id"};
    private static final String[] EXACT_KEYS = {"TimeGenerated", "ResultType", "UserPrincipalName", "policyId"};

    /** How a name found in a record resolves: slot (-1: none), exact or not, classification bits. */
    private record Name(int slot, boolean exact, int bits) {
    }

    private static final int CACHED_NAMES = 4096;

    private final ObjectMapper mapper;
    /** Names seen so far, resolved (Jackson hands the same String for the same name again). */
    private final Map<String, Name> names = new HashMap<>();
    private final Slots top = new Slots(TOP.length);
    private final TextCache values = new TextCache();
    /** What is kept per kind of object (by its array of known names; identity is enough). */
    private final Map<String[], Shape> shapes = new java.util.IdentityHashMap<>();
    private final NameGuess topNames = new NameGuess();
    /** Collects the entries of one authenticationContextClassReferences: the record keeps only an exact copy. */
    private final List<AuthenticationContext> contextBuffer = new ArrayList<>();
    private int keys;

    GraphStream(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    private static void kind(String name, Kind kind) {
        TOP_KINDS[TOP_SLOTS.get(name)] = kind;
    }

    private static Map<String, Integer> slots(String[] names) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], i);
        }
        return m;
    }

    /** Forgets the previous record. */
    void reset() {
        top.clear();
        keys = 0;
    }

    /** The classification bits of the keys read since {@link #reset}. */
    int keys() {
        return keys;
    }

    /**
     * The next field name of a sign-in record, {@code null} at its end, as {@link JsonParser#nextFieldName()}
     * gives it, but faster (see {@link NameGuess}).
     *
     * @param previous the name this returned before in the same record, {@code null} for its first
     */
    String nextName(JsonParser p, String previous) throws IOException {
        return topNames.next(p, previous);
    }

    /** Reads the value of the top-level field {@code name}; the parser is on the value's first token. */
    void field(JsonParser p, String name) throws IOException {
        Name n = names.get(name);
        if (n == null) {
            n = resolve(name);
            if (names.size() < CACHED_NAMES) {
                names.put(name, n);
            }
        }
        keys |= n.bits;
        if (n.slot < 0) {
            p.skipChildren();
            return;
        }
        top.put(n.slot, n.exact, name, value(p, TOP_KINDS[n.slot], name));
    }

    private static Name resolve(String name) {
        int bits = 0;
        for (int i = 0; i < CI_KEYS.length; i++) {
            if (CI_KEYS[i].equalsIgnoreCase(name)) {
                bits |= 1 << i;
            }
        }
        for (int i = 0; i < EXACT_KEYS.length; i++) {
            if (EXACT_KEYS[i].equals(name)) {
                bits |= 1 << (CI_KEYS.length + i);
            }
        }
        Integer exact = TOP_SLOTS.get(name);
        if (exact != null) {
            return new Name(exact, true, bits);
        }
        return new Name(slotIgnoringCase(TOP, TOP_SLOTS, name), false, bits);
    }

    private static int slotIgnoringCase(String[] known, Map<String, Integer> slots, String name) {
        for (int i = 0; i < known.length; i++) {
            if (known[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The slot value of one field, read in full; a problem is kept as a {@link Failure}, not thrown. */
    private Object value(JsonParser p, Kind kind, String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        try {
            switch (kind) {
                case TEXT:
                    return text(p);
                case BOOL:
                    return bool(p);
                case STRINGS:
                    return strings(p, name);
                default:
                    break;
            }
            boolean object = t == JsonToken.START_OBJECT;
            boolean array = t == JsonToken.START_ARRAY;
            switch (kind) {
                case STATUS:
                    return object ? status(p) : GraphSignInMapper.status(tree(p, name));
                case LOCATION:
                    return object ? location(p) : GraphSignInMapper.location(tree(p, name));
                case DEVICE:
                    return object ? device(p) : GraphSignInMapper.device(tree(p, name));
                case POLICIES:
                    return array ? policies(p) : GraphSignInMapper.policies(tree(p, name));
                case REQUIREMENTS:
                    return array ? requirements(p) : GraphSignInMapper.requirements(tree(p, name));
                case STEPS:
                    return array ? steps(p) : GraphSignInMapper.steps(tree(p, name));
                case NETWORKS:
                    return array ? networks(p) : GraphSignInMapper.networks(tree(p, name));
                case CONTEXTS:
                    return array ? contexts(p) : GraphSignInMapper.contexts(tree(p, name));
                default:
                    throw new IllegalStateException(kind.name());
            }
        } catch (IllegalArgumentException e) {
            return new Failure(e);
        }
    }

    /** An unusual value as the tree mapper sees it: {@code Nodes.structured} of the value's node. */
    private JsonNode tree(JsonParser p, String name) throws IOException {
        return Nodes.structuredOf(name, node(p));
    }

    /** The value as a tree node; null for JSON null, as {@code Nodes.field} gives it. */
    private JsonNode node(JsonParser p) throws IOException {
        JsonNode n = mapper.readTree(p);
        return n == null || n.isNull() ? null : n;
    }

    /** {@code Nodes.text}: text, numbers and booleans as text, containers and empty text absent. */
    private String text(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_STRING: {
                String s = values.text(p);
                return s.isEmpty() ? null : s;
            }
            case VALUE_NUMBER_INT:
                // what IntNode / LongNode give as text; larger numbers take the tree path
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    return Integer.toString(p.getIntValue());
                }
                if (p.getNumberType() == JsonParser.NumberType.LONG) {
                    return Long.toString(p.getLongValue());
                }
                return Nodes.textOf(node(p));
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return Nodes.textOf(node(p));
        }
    }

    /** {@code Nodes.bool}. */
    private Boolean bool(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                return Nodes.boolOf(node(p));
        }
    }

    /** {@code Nodes.strings}. */
    private List<String> strings(JsonParser p, String name) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_ARRAY) {
            List<String> out = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    String s = values.text(p);
                    if (!s.isEmpty()) {
                        out.add(s);
                    }
                } else if (t != JsonToken.VALUE_NULL) {
                    JsonNode v = mapper.readTree(p);
                    if (!v.isNull() && !v.asText().isEmpty()) {
                        out.add(v.asText());
                    }
                }
            }
            return out;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (!s.trim().startsWith("[")) {
                List<String> out = new ArrayList<>();
                Nodes.split(s, out);
                return out;
            }
        }
        return Nodes.stringsOf(name, node(p));
    }

    /** Reads the fields of the object the parser is in (after its START_OBJECT) into slots. */
    private Slots object(JsonParser p, String[] known, Map<String, Integer> slots, Kind[] kinds) throws IOException {
        Shape shape = shape(known);
        Slots s = shape.fresh();
        NameGuess guess = shape.names;
        String name = null;
        while ((name = guess.next(p, name)) != null) {
            p.nextToken();
            Integer exact = slots.get(name);
            int slot = exact != null ? exact : slotIgnoringCase(known, slots, name);
            if (slot < 0) {
                p.skipChildren();
            } else {
                s.put(slot, exact != null, name, value(p, kinds[slot], name));
            }
        }
        return s;
    }

    private static final Kind[] STATUS_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT};
    private static final Kind[] DEVICE_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.BOOL, Kind.BOOL,
        Kind.TEXT};
    private static final Kind[] POLICY_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.STRINGS, Kind.STRINGS,
        Kind.TEXT, Kind.TEXT};
    private static final Kind[] REQUIREMENT_KINDS = {Kind.TEXT, Kind.TEXT};
    private static final Kind[] STEP_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.BOOL, Kind.TEXT, Kind.TEXT};
    private static final Kind[] NETWORK_KINDS = {Kind.TEXT, Kind.STRINGS};
    private static final Kind[] CONTEXT_KINDS = {Kind.TEXT, Kind.TEXT, Kind.TEXT};

    private Status status(JsonParser p) throws IOException {
        Slots s = object(p, STATUS, STATUS_SLOTS, STATUS_KINDS);
        String code = s.text(0);
        int errorCode;
        try {
            errorCode = code == null ? 0 : Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field 'status.errorCode' is '" + code + "', not a number");
        }
        return new Status(errorCode, s.text(1), s.text(2));
    }

    private Location location(JsonParser p) throws IOException {
        Shape shape = shape(LOCATION);
        Slots s = shape.fresh();
        Double[] geo = {null, null};
        NameGuess guess = shape.names;
        String name = null;
        while ((name = guess.next(p, name)) != null) {
            p.nextToken();
            Integer exact = LOCATION_SLOTS.get(name);
            int slot = exact != null ? exact : slotIgnoringCase(LOCATION, LOCATION_SLOTS, name);
            if (slot == 3) {
                // Nodes.field, not structured: only an object gives coordinates
                Object g = p.currentToken() == JsonToken.START_OBJECT ? geo(p) : skipped(p);
                s.put(slot, exact != null, name, g);
            } else if (slot < 0) {
                p.skipChildren();
            } else {
                s.put(slot, exact != null, name, value(p, Kind.TEXT, name));
            }
        }
        if (s.value[3] instanceof Double[] g) {
            geo = g;
        }
        return new Location(s.text(0), s.text(1), s.text(2), geo[0], geo[1]);
    }

    private static Object skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }

    /** {@code number(geo, name)}: a number gives its value, anything else nothing. */
    private Double[] geo(JsonParser p) throws IOException {
        Shape shape = shape(GEO);
        Slots s = shape.fresh();
        NameGuess guess = shape.names;
        String name = null;
        while ((name = guess.next(p, name)) != null) {
            JsonToken t = p.nextToken();
            Integer exact = GEO_SLOTS.get(name);
            int slot = exact != null ? exact : slotIgnoringCase(GEO, GEO_SLOTS, name);
            Double v = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT ? p.getDoubleValue() : null;
            p.skipChildren();
            if (slot >= 0) {
                s.put(slot, exact != null, name, v);
            }
        }
        return new Double[] {(Double) s.value[0], (Double) s.value[1]};
    }

    private DeviceDetail device(JsonParser p) throws IOException {
        Slots s = object(p, DEVICE, DEVICE_SLOTS, DEVICE_KINDS);
        return new DeviceDetail(s.text(0), s.text(1), s.text(2), s.text(3), s.bool(4), s.bool(5), s.text(6));
    }

    private List<AppliedPolicy> policies(JsonParser p) throws IOException {
        List<AppliedPolicy> out = new ArrayList<>();
        Elements failed = new Elements();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                JsonNode n = mapper.readTree(p);
                failed.add(out, () -> GraphSignInMapper.policy(n));
                continue;
            }
            Shape shape = shape(POLICY);
            Slots s = shape.fresh();
            NameGuess guess = shape.names;
            String name = null;
            while ((name = guess.next(p, name)) != null) {
                p.nextToken();
                Integer exact = POLICY_SLOTS.get(name);
                int slot = exact != null ? exact : slotIgnoringCase(POLICY, POLICY_SLOTS, name);
                if (slot >= 5) {
                    s.put(slot, exact != null, name, conditions(p));
                } else if (slot < 0) {
                    p.skipChildren();
                } else {
                    s.put(slot, exact != null, name, value(p, POLICY_KINDS[slot], name));
                }
            }
            failed.add(out, () -> new AppliedPolicy(s.text(0), s.text(1), s.text(2),
                    GraphSignInMapper.grantControls(s.strings(3)), s.strings(4), s.conditions(5), s.conditions(6)));
        }
        return failed.check(out);
    }

    /**
     * Building the elements of an array: the first element that cannot be built is reported once the whole
     * array is read (the parser has to reach its end whatever happens), as the tree mapper would report it.
     */
    private static final class Elements {
        private IllegalArgumentException first;

        <T> void add(List<T> out, java.util.function.Supplier<T> element) {
            if (first != null) {
                return;
            }
            try {
                out.add(element.get());
            } catch (IllegalArgumentException e) {
                first = e;
            }
        }

        <T> List<T> check(List<T> out) {
            if (first != null) {
                throw first;
            }
            return out;
        }
    }

    /** {@code conditions(Nodes.field(...))}: kept as a set, or as the failure to read it. */
    private Object conditions(JsonParser p) throws IOException {
        try {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return GraphSignInMapper.conditions(p.getText(), new LinkedHashSet<>());
            }
            return GraphSignInMapper.conditions(node(p));
        } catch (IllegalArgumentException e) {
            return new Failure(e);
        }
    }

    private List<RequirementPolicy> requirements(JsonParser p) throws IOException {
        List<RequirementPolicy> out = new ArrayList<>();
        Elements failed = new Elements();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                JsonNode n = mapper.readTree(p);
                failed.add(out, () -> GraphSignInMapper.requirement(n));
                continue;
            }
            Slots s = object(p, REQUIREMENT, REQUIREMENT_SLOTS, REQUIREMENT_KINDS);
            failed.add(out, () -> new RequirementPolicy(s.text(0), s.text(1)));
        }
        return failed.check(out);
    }

    private List<AuthenticationDetail> steps(JsonParser p) throws IOException {
        List<AuthenticationDetail> out = new ArrayList<>();
        Elements failed = new Elements();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                JsonNode n = mapper.readTree(p);
                failed.add(out, () -> GraphSignInMapper.step(n));
                continue;
            }
            Slots s = object(p, STEP, STEP_SLOTS, STEP_KINDS);
            failed.add(out, () -> {
                String when = s.text(0);
                return new AuthenticationDetail(when == null ? null
                        : GraphSignInMapper.dated("authenticationStepDateTime", when), s.text(1), s.text(2), s.bool(3),
                        s.text(4), s.text(5));
            });
        }
        return failed.check(out);
    }

    private List<NetworkLocation> networks(JsonParser p) throws IOException {
        List<NetworkLocation> out = new ArrayList<>();
        Elements failed = new Elements();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                JsonNode n = mapper.readTree(p);
                failed.add(out, () -> GraphSignInMapper.network(n));
                continue;
            }
            Slots s = object(p, NETWORK, NETWORK_SLOTS, NETWORK_KINDS);
            failed.add(out, () -> new NetworkLocation(s.text(0), s.strings(1)));
        }
        return failed.check(out);
    }

    /** {@code GraphSignInMapper.contexts}: entries without an id, and elements that are not objects, are skipped. */
    private List<AuthenticationContext> contexts(JsonParser p) throws IOException {
        List<AuthenticationContext> out = contextBuffer;
        out.clear();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            Slots s = object(p, CONTEXT, CONTEXT_SLOTS, CONTEXT_KINDS);
            String id = GraphSignInMapper.blankAbsent(s.text(0));
            if (id != null) {
                String detail = s.text(1);
                out.add(new AuthenticationContext(id, detail != null ? detail : s.text(2)));
            }
        }
        // List.copyOf: SignIn's own copy of it is then the same list, not another
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /**
     * The sign-in, built in the order {@link GraphSignInMapper#map} builds it, so that of several unreadable
     * values the same one is reported.
     *
     * @throws IllegalArgumentException with a plain reason when a field cannot be understood
     */
    SignIn signIn(String raw, String origin) {
        Slots t = top;
        String created = t.text(1);
        SignIn.Builder b = SignIn.builder()
                .id(t.text(0))
                .createdDateTime(created == null ? null : GraphSignInMapper.dated("createdDateTime", created))
                .correlationId(t.text(2))
                .originalRequestId(t.text(3))
                .userId(t.text(4))
                .userPrincipalName(t.text(5))
                .userDisplayName(t.text(6))
                .userTypeValue(t.text(7))
                .appId(t.text(8))
                .appDisplayName(t.text(9))
                .resourceId(t.text(10))
                .resourceDisplayName(t.text(11))
                .servicePrincipalId(t.text(12))
                .servicePrincipalName(t.text(13))
                .clientCredentialType(t.text(14))
                .managedIdentityType(t.text(15))
                .ipAddress(t.text(16))
                .location(t.or(17, Location.UNKNOWN))
                .clientAppUsed(t.text(18))
                .isInteractive(t.bool(19))
                .authenticationProtocol(t.text(20))
                .status(t.or(21, Status.SUCCESS))
                .conditionalAccessStatusValue(t.text(22))
                .appliedConditionalAccessPolicies(t.or(23, List.of()))
                .authenticationRequirementValue(t.text(24))
                .authenticationRequirementPolicies(t.or(25, List.of()))
                .authenticationDetails(t.or(26, List.of()))
                .authenticationMethodsUsed(t.strings(27))
                .deviceDetail(t.or(28, DeviceDetail.UNKNOWN));
        // risk(n) reads the v2 event types first, then the older name, then the levels
        List<String> events = t.strings(29);
        if (events.isEmpty()) {
            events = t.strings(30);
        }
        b.risk(new Risk(t.text(31), t.text(32), t.text(33), t.text(34), events))
                .crossTenantAccessTypeValue(t.text(35))
                .homeTenantId(t.text(36))
                .resourceTenantId(t.text(37))
                .flaggedForReview(Boolean.TRUE.equals(t.bool(38)))
                .userAgent(t.text(39))
                .signInEventTypes(t.strings(40))
                .networkLocationDetails(t.or(41, List.of()))
                .incomingTokenType(t.text(42))
                .tokenIssuerType(t.text(43))
                .originalTransferMethod(GraphSignInMapper.blankAbsent(t.text(44)))
                .authenticationContextClassReferences(t.or(45, null))
                .raw(raw)
                .origin(origin);
        return b.build();
    }

    /** A value that could not be understood, reported when (and only when) it is the one used. */
    private record Failure(IllegalArgumentException problem) {
    }

    /**
     * The chosen value of each known field of one object: an exact name beats a name equal ignoring case; of
     * exact names the last wins (as in a tree, where a repeated name replaces the value); of the others the
     * first name met wins, with the last value given under that same spelling.
     */
    /**
     * Per kind of object: its field-name guesses, and one slot table used again for each object of the kind (an
     * object's slots are made into its value before the next object of the kind is read, and no kind nests in
     * itself), which spares three arrays per sub-object read.
     */
    private static final class Shape {
        final NameGuess names = new NameGuess();
        private final Slots slots;

        Shape(int size) {
            slots = new Slots(size);
        }

        Slots fresh() {
            slots.clear();
            return slots;
        }
    }

    private Shape shape(String[] known) {
        return shapes.computeIfAbsent(known, k -> new Shape(k.length));
    }

    private static final class Slots {
        final Object[] value;
        final byte[] rank;
        final String[] spelling;

        Slots(int n) {
            value = new Object[n];
            rank = new byte[n];
            spelling = new String[n];
        }

        void clear() {
            java.util.Arrays.fill(value, null);
            java.util.Arrays.fill(rank, (byte) 0);
            java.util.Arrays.fill(spelling, null);
        }

        void put(int slot, boolean exact, String name, Object v) {
            if (exact) {
                value[slot] = v;
                rank[slot] = 2;
            } else if (rank[slot] == 0) {
                value[slot] = v;
                rank[slot] = 1;
                spelling[slot] = name;
            } else if (rank[slot] == 1 && name.equals(spelling[slot])) {
                value[slot] = v;
            }
        }

        private Object get(int slot) {
            Object v = value[slot];
            if (v instanceof Failure f) {
                throw f.problem;
            }
            return v;
        }

        String text(int slot) {
            return (String) get(slot);
        }

        Boolean bool(int slot) {
            return (Boolean) get(slot);
        }

        @SuppressWarnings("unchecked")
        List<String> strings(int slot) {
            Object v = get(slot);
            return v == null ? new ArrayList<>() : (List<String>) v;
        }

        @SuppressWarnings("unchecked")
        Set<String> conditions(int slot) {
            Object v = get(slot);
            return v == null ? new LinkedHashSet<>() : (Set<String>) v;
        }

        @SuppressWarnings("unchecked")
        <T> T or(int slot, T absent) {
            Object v = get(slot);
            return v == null ? absent : (T) v;
        }
    }
}
