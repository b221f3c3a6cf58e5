package io.signdx.source.file.internal.csv;

import static io.signdx.source.file.internal.csv.Cells.put;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.source.file.internal.csv.Header.Column;

import java.util.Map;

/**
 * One row of the portal's authentication details download (…AuthDetails…csv, one row per
 * authentication step) into a Graph {@code authenticationDetail}, added under its Request ID.
 */
final class AuthDetailsMapper {

    private final Column requestId;
    private final Column date;
    private final Column method;
    private final Column methodDetail;
    private final Column succeeded;
    private final Column resultDetail;
    private final Column requirement;

    AuthDetailsMapper(Header h) {
        requestId = h.column("Request ID");
        date = h.column("Authentication step date", "Authentication step date (UTC)", "Date (UTC)", "Date");
        method = h.column("Authentication method");
        methodDetail = h.column("Authentication method detail");
        succeeded = h.column("Succeeded", "Authentication step succeeded");
        resultDetail = h.column("Result detail", "Authentication step result detail");
        requirement = h.column("Requirement", "Authentication step requirement");
    }

    /** Adds the row's step under its Request ID; rows without one are skipped. */
    void add(String[] c, Map<String, ArrayNode> byRequestId) throws RowException {
        String id = requestId.get(c);
        if (id == null) {
            return;
        }
        ObjectNode d = Cells.NODES.objectNode();
        String v = date.get(c);
        if (v != null) {
            d.put("authenticationStepDateTime", Cells.date(date, v));
        }
        put(d, "authenticationMethod", method.get(c));
        put(d, "authenticationMethodDetail", methodDetail.get(c));
        v = succeeded.get(c);
        if (v != null) {
            String k = Cells.letters(v);
            d.put("succeeded", k.equals("success") || k.equals("succeeded")
                    || (!k.equals("failure") && !k.equals("failed") && Cells.bool(succeeded, v)));
        }
        put(d, "authenticationStepResultDetail", resultDetail.get(c));
        put(d, "authenticationStepRequirement", requirement.get(c));
        byRequestId.computeIfAbsent(id, k -> Cells.NODES.arrayNode()).add(d);
    }
}
