package io.signdx.policy.internal;

import java.util.List;
import java.util.function.Function;

import io.signdx.api.tenant.TenantContext;

/**
 * Names for the ids a policy lists, resolved through the snapshot and the well-known ids, so the
 * configured value reads "group Finance (3f2a…)" rather than a bare id. Every name is text from a
 * snapshot file and is only ever placed in strings.
 */
final class Names {
    /** How many items of one list the configured text spells out before "and N more". */
    static final int SHOWN = 10;

    private Names() {
    }

    static String group(String id, TenantContext tenant) {
        if (isPlaceholder(id)) {
            return "group placeholder " + id;
        }
        return tenant.group(id).map(g -> "group " + g.label() + " (" + id + ")")
                .orElse("group " + id + " (name not in the snapshot)");
    }

    static String role(String templateId, KnownIds known) {
        String name = known.roleName(templateId);
        return name != null ? "role " + name : "role " + templateId + " (not a built-in role SignDx knows)";
    }

    static String user(String id, TenantContext tenant) {
        return tenant.user(id).map(u -> "user " + (u.userPrincipalName() != null ? u.userPrincipalName()
                : u.displayName() != null ? u.displayName() : id) + " (" + id + ")").orElse("user " + id);
    }

    static String app(String appId, TenantContext tenant, KnownIds known) {
        String name = tenant.servicePrincipal(appId).map(sp -> sp.displayName()).filter(n -> n != null && !n.isBlank())
                .orElse(known.appName(appId));
        return name == null ? appId : name + " (" + appId + ")";
    }

    static String servicePrincipal(String id, TenantContext tenant) {
        return tenant.servicePrincipal(id).map(sp -> sp.label() + " (" + id + ")").orElse(id);
    }

    /** Exported templates carry placeholders such as {@code <ExclusionTempGroup>} instead of ids. */
    static boolean isPlaceholder(String id) {
        return id != null && id.startsWith("<") && id.endsWith(">");
    }

    /** "a, b, c and 4 more". */
    static <T> String list(List<T> items, Function<T, String> name) {
        StringBuilder b = new StringBuilder();
        int n = Math.min(items.size(), SHOWN);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(name.apply(items.get(i)));
        }
        if (items.size() > n) {
            b.append(" and ").append(items.size() - n).append(" more");
        }
        return b.toString();
    }
}
