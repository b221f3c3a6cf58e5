package io.signdx.tenant.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.TenantLoadException;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantPart;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads tenant snapshots made of Graph-shaped JSON files, recognising each file by its content (DESIGN §5):
 * a Graph list response ({@code {"@odata.context": …, "value": [...]}}, several pages may follow one
 * another in one file), a single object (one policy per file, as policy export tools write them), a JSON
 * array of objects, or one combined file whose keys name the parts (see the bundle's README). Each entry
 * is recognised by its {@code @odata.type}, else by the list's {@code @odata.context} or the combined
 * file's key, else by its shape.
 *
 * <p>Nothing in a file is trusted: a file that is not JSON, or JSON but no part of a snapshot, is reported
 * and the others are read; an entry that cannot be read is reported with its number and skipped. Only when
 * no file holds anything of a snapshot does the load fail. Stateless, so one instance serves every thread.
 */
@Component(service = TenantLoader.class)
public final class SnapshotLoader implements TenantLoader {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);
    private static final Pattern CONTEXT_USER = Pattern.compile("users\\('([^']+)'\\)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Kind> SECTIONS = Map.ofEntries(Map.entry("conditionalaccesspolicies", Kind.POLICY),
            Map.entry("policies", Kind.POLICY), Map.entry("namedlocations", Kind.NAMED_LOCATION),
            Map.entry("users", Kind.USER), Map.entry("groups", Kind.GROUP),
            Map.entry("directoryroles", Kind.DIRECTORY_ROLE), Map.entry("roleassignments", Kind.ROLE_ASSIGNMENT),
            Map.entry("serviceprincipals", Kind.SERVICE_PRINCIPAL), Map.entry("securitydefaults", Kind.SECURITY_DEFAULTS),
            Map.entry("identitysecuritydefaultsenforcementpolicy", Kind.SECURITY_DEFAULTS),
            Map.entry("perusermfa", Kind.PER_USER_MFA), Map.entry("perusermfastates", Kind.PER_USER_MFA),
            Map.entry("perusermfastate", Kind.PER_USER_MFA));
    private static final String NEXT_LINK = "the list response has an @odata.nextLink: more pages follow that are "
            + "not in this file, and what they hold is missing unless another file has them";
    /** Keys a combined file may carry about itself. */
    private static final Set<String> COMBINED_METADATA = Set.of("tenantid", "tenantdisplayname", "tenantname",
            "exporteddatetime", "createddatetime", "description", "generator", "version", "schemaversion", "comment");

    private final ObjectMapper json = new ObjectMapper();

    /** A loader; DS and tests alike call this constructor. */
    public SnapshotLoader() {
    }

    @Override
    public Snapshot load(List<Path> paths) throws TenantLoadException {
        if (paths == null || paths.isEmpty()) {
            throw new TenantLoadException("no tenant snapshot files or folders were given");
        }
        SnapshotBuilder builder = new SnapshotBuilder();
        List<String> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean recognised = false;
        List<String> policiesWithoutId = new ArrayList<>();
        for (SnapshotFiles.Source source : SnapshotFiles.list(paths)) {
            if (source.file() == null) {
                String problem = source.label() + ": " + source.problem();
                problems.add(problem);
                builder.warn(problem);
                files.add(problem);
                continue;
            }
            FileRead f = new FileRead(source.label(), builder);
            f.read(source.file());
            recognised |= f.recognised;
            policiesWithoutId.addAll(f.policiesWithoutId);
            files.add(f.summary());
            if (!f.recognised) {
                problems.addAll(f.warnings.isEmpty() ? List.of(f.summary()) : f.warnings);
            }
        }
        if (!recognised) {
            throw new TenantLoadException("no tenant snapshot could be read from " + String.join(", ",
                    paths.stream().map(Path::toString).toList()) + ":\n  " + String.join("\n  ", problems));
        }
        if (!policiesWithoutId.isEmpty()) {
            builder.warn(SnapshotBuilder.count(policiesWithoutId.size(), "policy has", "policies have")
                    + " no id, so the policies that sign-in records list cannot be matched to "
                    + (policiesWithoutId.size() == 1 ? "it" : "them") + " by id: "
                    + Json.names(policiesWithoutId, 3));
        }
        SnapshotTenant tenant = builder.build();
        LOG.debug("read a tenant snapshot from {}: {}", paths, tenant);
        return new Snapshot(tenant, files, tenant.warnings(), builder.missing());
    }

    /** Reading one file: what it held, what it said about itself. */
    private final class FileRead {
        final String label;
        final SnapshotBuilder builder;
        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        final List<String> policiesWithoutId = new ArrayList<>();
        String encoding;
        String problem;
        String unrecognised;
        boolean recognised;
        boolean combined;
        int skipped;
        int entry;
        Boolean securityDefaults;

        final List<String> warnings = new ArrayList<>();
        boolean attempted;
        boolean nextLinkPending;

        FileRead(String label, SnapshotBuilder builder) {
            this.label = label;
            this.builder = builder;
        }

        void warn(String warning) {
            warnings.add(warning);
            builder.warn(warning);
        }

        void read(Path file) {
            SnapshotText text;
            try {
                text = SnapshotText.read(file);
            } catch (IOException e) {
                fail(e.getMessage() == null ? "cannot be read" : e.getMessage());
                return;
            }
            encoding = text.encoding();
            List<JsonNode> roots = new ArrayList<>();
            try (JsonParser p = json.createParser(text.text())) {
                while (p.nextToken() != null) {
                    roots.add(json.readTree(p));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                fail("is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                        + at.getColumnNr()) + ": " + Json.shorten(String.valueOf(e.getOriginalMessage()), 160));
                return;
            } catch (IOException e) {
                fail("cannot be read: " + e.getMessage());
                return;
            }
            if (roots.isEmpty()) {
                fail("is empty");
                return;
            }
            for (int i = 0; i < roots.size(); i++) {
                unrecognised = null;
                root(roots.get(i), roots.size() == 1);
                if (unrecognised != null && roots.size() > 1) {
                    // one of several values in the file: say which, the others may be fine
                    warn(label + " value " + (i + 1) + ": " + unrecognisedMessage());
                    attempted = true;
                }
            }
            if (!recognised && !attempted) {
                warn(label + ": " + unrecognisedMessage());
            }
            if (nextLinkPending) {
                warn(label + ": " + NEXT_LINK);
            }
        }

        private void fail(String why) {
            problem = why;
            warn(label + ": " + why);
        }

        private String unrecognisedMessage() {
            return "is JSON but no part of a tenant snapshot: it looks like " + unrecognised + " (tried as " + Kind.TRIED
                    + ")";
        }

        private void root(JsonNode root, boolean only) {
            if (root.isArray()) {
                List<JsonNode> items = new ArrayList<>();
                root.forEach(items::add);
                if (!items.isEmpty() && items.stream().allMatch(i -> i.isObject() && i.path("value").isArray())) {
                    items.forEach(page -> listResponse(page, "", null));
                } else {
                    list(items, null, "", "a JSON list of " + items.size() + (items.isEmpty() ? " entries"
                            : ", the first " + Json.describe(items.get(0))), null);
                }
                return;
            }
            if (!root.isObject()) {
                unrecognised = "a single value, " + Json.describe(root);
                return;
            }
            if (root.path("value").isArray()) {
                listResponse(root, "", null);
                return;
            }
            String context = root.path("@odata.context").asText(null);
            Kind kind = Kind.ofType(Json.odataType(root));
            if (kind == null && Json.odataType(root) == null) {
                kind = Kind.ofContext(context);
            }
            if (kind == null && Json.odataType(root) == null) {
                kind = Kind.ofShape(root);
            }
            if (kind != null) {
                entity(root, kind, "", only ? null : ++entry, contextUser(context));
                return;
            }
            if (combinedKeys(root)) {
                combined(root);
                return;
            }
            unrecognised = (Json.odataType(root) != null ? "an object of type " + PolicyReader.quote(
                    root.path("@odata.type").asText()) + " with keys " : "an object with keys ") + keys(root);
        }

        private void listResponse(JsonNode page, String section, Kind sectionKind) {
            String context = page.path("@odata.context").asText(null);
            Kind hint = sectionKind != null ? sectionKind : Kind.ofContext(context);
            List<JsonNode> items = new ArrayList<>();
            page.path("value").forEach(items::add);
            if (section.isEmpty()) {
                // pages may follow one another in the file: only the last one's link points outside it
                nextLinkPending = page.hasNonNull("@odata.nextLink");
            } else if (page.hasNonNull("@odata.nextLink")) {
                warn(label + ": " + section + ": " + NEXT_LINK);
            }
            String what = "a Graph list response" + (context == null ? "" : " (@odata.context "
                    + PolicyReader.quote(contextTail(context)) + ")") + " of " + items.size()
                    + (items.isEmpty() ? " entries" : " entries, the first " + Json.describe(items.get(0)));
            list(items, hint, section, what, contextUser(context));
        }

        private void list(List<JsonNode> items, Kind hint, String section, String what, String contextUser) {
            if (items.isEmpty() && hint != null) {
                // an empty list of a known kind: the tenant has none of it
                present(hint);
                return;
            }
            List<Kind> kinds = new ArrayList<>();
            for (JsonNode item : items) {
                kinds.add(kindOf(item, hint));
            }
            if (hint == null && kinds.stream().allMatch(k -> k == null)) {
                if (section.isEmpty()) {
                    unrecognised = what;
                } else {
                    warn(label + ": " + section + ": " + what + " holds no part of a snapshot; ignored");
                }
                return;
            }
            for (int i = 0; i < items.size(); i++) {
                int number = ++entry;
                if (kinds.get(i) == null) {
                    warn(ref(section, number) + ": not recognised as any part of a tenant snapshot ("
                            + describeEntry(items.get(i)) + "); skipped");
                    attempted = true;
                    skipped++;
                } else {
                    entity(items.get(i), kinds.get(i), section, number, contextUser);
                }
            }
        }

        private Kind kindOf(JsonNode item, Kind hint) {
            if (!item.isObject()) {
                // in a list of a known kind this is a malformed entry, reported as such
                return hint;
            }
            String type = Json.odataType(item);
            if (type != null) {
                return Kind.ofType(type);
            }
            return hint != null ? hint : Kind.ofShape(item);
        }

        private void present(Kind kind) {
            recognised = true;
            counts.putIfAbsent(kind, 0);
            TenantPart part = part(kind);
            if (part != null) {
                builder.present(part);
            }
        }

        private boolean combinedKeys(JsonNode root) {
            if (Json.field(root, "conditions") != null || root.has("value")) {
                return false;
            }
            for (String key : (Iterable<String>) root::fieldNames) {
                if (SECTIONS.containsKey(key.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }

        private void combined(JsonNode root) {
            combined = true;
            // its keys said what it is; what is wrong inside is reported section by section
            attempted = true;
            for (var e : root.properties()) {
                String key = e.getKey();
                Kind kind = SECTIONS.get(key.toLowerCase(Locale.ROOT));
                JsonNode v = e.getValue();
                String section = Json.shorten(key, 60);
                if (kind == null) {
                    if (!key.startsWith("@") && !key.startsWith("$")
                            && !COMBINED_METADATA.contains(key.toLowerCase(Locale.ROOT))) {
                        warn(label + ": key " + PolicyReader.quote(key) + " names no part of a snapshot and "
                                + "was ignored (the parts are conditionalAccessPolicies, namedLocations, users, groups, "
                                + "directoryRoles, roleAssignments, servicePrincipals, securityDefaults, perUserMfa)");
                    }
                    continue;
                }
                if (Json.absent(v)) {
                    continue;
                }
                if (v.isArray()) {
                    List<JsonNode> items = new ArrayList<>();
                    v.forEach(items::add);
                    list(items, kind, section, "a list", null);
                } else if (v.isObject() && v.path("value").isArray()) {
                    listResponse(v, section, kind);
                } else if (kind == Kind.SECURITY_DEFAULTS && (v.isObject() || v.isBoolean())) {
                    entity(v, kind, section, null, null);
                } else {
                    warn(label + ": " + section + ": expected a list or a Graph list response, found "
                            + Json.describe(v) + "; ignored");
                }
            }
        }

        private void entity(JsonNode o, Kind kind, String section, Integer number, String contextUser) {
            String origin = label + (number == null ? section.isEmpty() ? "" : "#" + section
                    : "#" + (section.isEmpty() ? "" : section + "/") + number);
            String ref = number == null ? label + (section.isEmpty() ? "" : ": " + section) : ref(section, number);
            try {
                if (!o.isObject() && !(kind == Kind.SECURITY_DEFAULTS && o.isBoolean())) {
                    throw new Json.Malformed("expected an object, found " + Json.describe(o));
                }
                boolean kept = switch (kind) {
                    case POLICY -> policy(o, origin, ref);
                    case NAMED_LOCATION -> builder.location(DirectoryReader.location(o,
                            note -> warn(ref + ": " + note)), origin, ref);
                    case USER -> builder.user(DirectoryReader.user(o, origin), ref);
                    case GROUP -> {
                        builder.group(DirectoryReader.group(o));
                        yield true;
                    }
                    case DIRECTORY_ROLE -> {
                        builder.role(DirectoryReader.role(o));
                        yield true;
                    }
                    case ROLE_ASSIGNMENT -> {
                        builder.assignment(DirectoryReader.assignment(o));
                        yield true;
                    }
                    case SERVICE_PRINCIPAL -> builder.servicePrincipal(DirectoryReader.servicePrincipal(o), origin, ref);
                    case SECURITY_DEFAULTS -> {
                        securityDefaults = DirectoryReader.securityDefaults(o);
                        builder.securityDefaults(securityDefaults, origin, ref);
                        yield true;
                    }
                    case PER_USER_MFA -> {
                        DirectoryReader.MfaState m = DirectoryReader.mfa(o, contextUser);
                        builder.mfa(m.userKey(), m.state(), origin, ref);
                        String upn = DirectoryReader.mfaUpn(o);
                        if (upn != null && !upn.equalsIgnoreCase(m.userKey())) {
                            builder.mfa(upn.toLowerCase(Locale.ROOT), m.state(), origin, ref);
                        }
                        yield true;
                    }
                };
                present(kind);
                if (kept) {
                    counts.merge(kind, 1, Integer::sum);
                } else {
                    skipped++;
                }
            } catch (Json.Malformed e) {
                warn(ref + ": " + e.getMessage() + "; skipped");
                attempted = true;
                skipped++;
            }
        }

        private boolean policy(JsonNode o, String origin, String ref) {
            PolicyReader reader = new PolicyReader();
            ConditionalAccessPolicy p = reader.read(o, origin);
            String who = ref + ": policy " + PolicyReader.quote(p.label() == null ? "(no name)" : p.label());
            for (String note : reader.notes()) {
                warn(who + ": " + note);
            }
            if (p.id() == null) {
                policiesWithoutId.add(origin);
            }
            return builder.policy(p, ref);
        }

        private String ref(String section, int number) {
            return label + (section.isEmpty() ? "" : ": " + section) + " entry " + number;
        }

        String summary() {
            StringBuilder b = new StringBuilder(label).append(": ");
            if (problem != null) {
                return b.append("not read: ").append(problem).toString();
            }
            if (!recognised) {
                return b.append(skipped > 0 ? "nothing usable, " + SnapshotBuilder.count(skipped, "entry", "entries")
                        + " skipped (" : "nothing of a tenant snapshot (").append(encoding).append(')').toString();
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((kind, n) -> parts.add(kind == Kind.SECURITY_DEFAULTS && securityDefaults != null
                    ? "the security defaults policy (" + (securityDefaults ? "on" : "off") + ")" : kind.count(n)));
            b.append(combined ? "combined file of " : "").append(String.join(", ", parts));
            if (skipped > 0) {
                b.append(", ").append(SnapshotBuilder.count(skipped, "entry", "entries")).append(" skipped");
            }
            return b.append(" (").append(encoding).append(')').toString();
        }
    }

    private static TenantPart part(Kind kind) {
        return switch (kind) {
            case POLICY -> TenantPart.CONDITIONAL_ACCESS_POLICIES;
            case NAMED_LOCATION -> TenantPart.NAMED_LOCATIONS;
            case USER -> TenantPart.USERS;
            case GROUP -> TenantPart.GROUPS;
            case SERVICE_PRINCIPAL -> TenantPart.SERVICE_PRINCIPALS;
            case SECURITY_DEFAULTS -> TenantPart.SECURITY_DEFAULTS;
            case PER_USER_MFA -> TenantPart.PER_USER_MFA;
            case DIRECTORY_ROLE, ROLE_ASSIGNMENT -> null;
        };
    }

    private static String contextUser(String context) {
        if (context == null) {
            return null;
        }
        Matcher m = CONTEXT_USER.matcher(context);
        return m.find() ? m.group(1) : null;
    }

    private static String contextTail(String context) {
        int hash = context.indexOf('#');
        return hash >= 0 ? "…" + context.substring(hash) : context;
    }

    private static String keys(JsonNode o) {
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        return keys.isEmpty() ? "(none)" : Json.names(keys, 8);
    }

    private static String describeEntry(JsonNode o) {
        if (o.isObject() && Json.odataType(o) != null) {
            return "an object of type " + PolicyReader.quote(o.path("@odata.type").asText()) + " with keys " + keys(o);
        }
        return Json.describe(o);
    }
}
