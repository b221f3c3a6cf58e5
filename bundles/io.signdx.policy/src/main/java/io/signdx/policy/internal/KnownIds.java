package io.signdx.policy.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Facts about well-known ids, read once from the bundle's data files: directory role template ids and
 * names, the application groups {@code Office365} and {@code MicrosoftAdminPortals}, first-party app
 * names and the built-in authentication strengths. Immutable after construction.
 */
final class KnownIds {
    static final String OFFICE_365 = "office365";
    static final String ADMIN_PORTALS = "microsoftadminportals";

    private final Map<String, String> roles;
    private final Map<String, String> apps;
    private final Map<String, Set<String>> groups;
    private final Map<String, String> strengths;

    private KnownIds(Map<String, String> roles, Map<String, String> apps, Map<String, Set<String>> groups,
            Map<String, String> strengths) {
        this.roles = Map.copyOf(roles);
        this.apps = Map.copyOf(apps);
        Map<String, Set<String>> g = new HashMap<>();
        groups.forEach((k, v) -> g.put(k, Set.copyOf(v)));
        this.groups = Map.copyOf(g);
        this.strengths = Map.copyOf(strengths);
    }

    /** Reads the data files shipped with the bundle. */
    static KnownIds load() {
        Map<String, String> roles = new HashMap<>();
        for (String[] row : rows("directory-roles.tsv", 2)) {
            roles.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        Map<String, String> apps = new HashMap<>();
        Map<String, Set<String>> groups = new HashMap<>();
        for (String[] row : rows("app-groups.tsv", 3)) {
            String id = row[1].toLowerCase(Locale.ROOT);
            apps.putIfAbsent(id, row[2]);
            if (!row[0].equals("-")) {
                groups.computeIfAbsent(row[0].toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(id);
            }
        }
        Map<String, String> strengths = new HashMap<>();
        for (String[] row : rows("authentication-strengths.tsv", 2)) {
            strengths.put(row[0].toLowerCase(Locale.ROOT), row[1]);
        }
        return new KnownIds(roles, apps, groups, strengths);
    }

    /** The name of a directory role template id; null when unknown. */
    String roleName(String templateId) {
        return templateId == null ? null : roles.get(templateId.toLowerCase(Locale.ROOT));
    }

    /** The name of a well-known app id; null when unknown. */
    String appName(String appId) {
        return appId == null ? null : apps.get(appId.toLowerCase(Locale.ROOT));
    }

    /** The app ids SignDx knows in an app group ({@code office365}, {@code microsoftadminportals}), lower case. */
    Set<String> group(String lowerCaseGroup) {
        return groups.getOrDefault(lowerCaseGroup, Set.of());
    }

    /** The name of a built-in authentication strength id; null when unknown. */
    String strengthName(String id) {
        return id == null ? null : strengths.get(id.toLowerCase(Locale.ROOT));
    }

    private static Iterable<String[]> rows(String resource, int columns) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        try (InputStream in = KnownIds.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data file " + resource + " is missing from the bundle");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != columns) {
                    throw new IllegalStateException(resource + " line " + n + ": expected " + columns + " columns");
                }
                out.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }
}
