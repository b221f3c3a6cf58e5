package io.signdx.source.file.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings the other JSON shapes to the Graph beta {@code signIn} shape the mapper reads: an Azure Monitor
 * record's {@code properties} completed from its envelope, and a Log Analytics row's PascalCase columns.
 */
final class Shapes {
    /** Log Analytics columns whose Graph field is not simply the column name in camelCase. */
    private static final Map<String, String> LOG_ANALYTICS_RENAMES = Map.of(
            "locationdetails", "location",
            "conditionalaccesspolicies", "appliedConditionalAccessPolicies",
            "ipaddress", "ipAddress",
            "resourceidentity", "resourceId",
            "riskeventtypes_v2", "riskEventTypes_v2");

    /** Azure Monitor categories and the sign-in log each stands for. */
    private static final Map<String, String> CATEGORY_EVENT_TYPES = Map.of(
            "signinlogs", "interactiveUser",
            "noninteractiveusersigninlogs", "nonInteractiveUser",
            "serviceprincipalsigninlogs", "servicePrincipal",
            "managedidentitysigninlogs", "managedIdentity");

    private Shapes() {
    }

    /** The sign-in of an Azure Monitor record: its properties, completed from the envelope. */
    static ObjectNode fromAzureMonitor(ObjectNode record) {
        JsonNode props = Nodes.structured(record, "properties");
        if (props == null || !props.isObject()) {
            throw new IllegalArgumentException("the record's 'properties' is not an object");
        }
        ObjectNode s = ((ObjectNode) props).deepCopy();
        copyIfMissing(record, "time", s, "createdDateTime");
        copyIfMissing(record, "correlationId", s, "correlationId");
        if (Nodes.field(s, "status") == null && Nodes.text(record, "resultType") != null) {
            ObjectNode status = s.putObject("status");
            status.put("errorCode", Nodes.text(record, "resultType"));
            String description = Nodes.text(record, "resultDescription");
            if (description != null) {
                status.put("failureReason", description);
            }
        }
        String category = Nodes.text(record, "category");
        if (category != null && Nodes.field(s, "signInEventTypes") == null) {
            String type = CATEGORY_EVENT_TYPES.get(category.toLowerCase(Locale.ROOT));
            if (type != null) {
                s.putArray("signInEventTypes").add(type);
            }
        }
        return s;
    }

    /** A Log Analytics row (SigninLogs, AADNonInteractiveUserSignInLogs …) in Graph's shape. */
    static ObjectNode fromLogAnalytics(ObjectNode row) {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String column = e.getKey().replaceFirst("(?i)_(dynamic|string)$", "").replaceFirst("\\s*\\[UTC\\]$", "");
            String lower = column.toLowerCase(Locale.ROOT);
            String field = LOG_ANALYTICS_RENAMES.getOrDefault(lower,
                    Character.toLowerCase(column.charAt(0)) + column.substring(1));
            if (!e.getValue().isNull() && !(e.getValue().isTextual() && e.getValue().asText().isEmpty())
                    && !s.has(field)) {
                s.set(field, e.getValue());
            }
        }
        copyIfMissing(row, "TimeGenerated", s, "createdDateTime");
        if (Nodes.field(s, "status") == null || !Nodes.structuredOrEmpty(s, "status").has("errorCode")) {
            String code = Nodes.text(row, "ResultType");
            if (code != null) {
                ObjectNode status = s.putObject("status");
                status.put("errorCode", code);
                String description = Nodes.text(row, "ResultDescription");
                if (description != null) {
                    status.put("failureReason", description);
                }
            }
        }
        if (Nodes.field(s, "signInEventTypes") == null) {
            Boolean interactive = Nodes.bool(row, "IsInteractive");
            if (interactive != null) {
                ArrayNode types = s.putArray("signInEventTypes");
                types.add(interactive ? "interactiveUser" : "nonInteractiveUser");
            }
        }
        return s;
    }

    private static void copyIfMissing(JsonNode from, String fromField, ObjectNode to, String toField) {
        String value = Nodes.text(from, fromField);
        if (value != null && Nodes.text(to, toField) == null) {
            to.put(toField, value);
        }
    }
}
