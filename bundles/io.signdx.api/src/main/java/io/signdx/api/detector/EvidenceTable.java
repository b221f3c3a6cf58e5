package io.signdx.api.detector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.signdx.api.model.AuthenticationDetail;
import io.signdx.api.model.SignIn;

/**
 * A table of evidence, e.g. per Conditional Access policy: condition, configured value, the sign-in's
 * value, matched. Cells are plain text (never markup) and may be empty strings.
 *
 * @param title what the table shows
 * @param columns column headings
 * @param rows rows, each as long as {@code columns}
 */
public record EvidenceTable(String title, List<String> columns, List<List<String>> rows) {
    /** Copies the rows and checks that each is as wide as the header. */
    public EvidenceTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> List.copyOf(r.stream().map(c -> c == null ? "" : c).toList())).toList();
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, expected "
                        + columns.size() + " for table '" + title + "'");
            }
        }
    }

    /** The columns of {@link #ofSignIns}. */
    public static final List<String> SIGN_IN_COLUMNS = List.of("Time (UTC)", "User", "Application", "IP address",
            "Location", "Client app", "Operating system", "Error code", "Failure reason");

    /**
     * A table with one row per sign-in (time, user, app, IP, location, client app, OS, error code,
     * failure reason), in the given order: the usual evidence that a burst or a pattern is real.
     */
    public static EvidenceTable ofSignIns(String title, Collection<SignIn> signIns) {
        List<List<String>> rows = new ArrayList<>(signIns.size());
        for (SignIn s : signIns) {
            rows.add(List.of(s.createdDateTime() == null ? "" : s.createdDateTime().toString(), s.userLabel(),
                    s.appLabel(), text(s.ipAddress()), s.location().display(), text(s.clientAppUsed()),
                    text(s.deviceDetail().operatingSystem()), String.valueOf(s.errorCode()),
                    text(s.status().failureReason())));
        }
        return new EvidenceTable(title, SIGN_IN_COLUMNS, rows);
    }

    /** The columns of {@link #ofAuthenticationSteps}. */
    public static final List<String> STEP_COLUMNS = List.of("Time (UTC)", "Requirement", "Method", "Method detail",
            "Succeeded", "Result");

    /**
     * A table with one row per authentication step of a sign-in (time, requirement, method, detail,
     * succeeded, result), in the record's order: what the user was asked for and what happened.
     */
    public static EvidenceTable ofAuthenticationSteps(Collection<AuthenticationDetail> steps) {
        List<List<String>> rows = new ArrayList<>(steps.size());
        for (AuthenticationDetail d : steps) {
            rows.add(List.of(d.stepDateTime() == null ? "" : d.stepDateTime().toString(), text(d.requirement()),
                    text(d.method()), text(d.methodDetail()), d.succeeded() == null ? "" : d.succeeded() ? "yes" : "no",
                    text(d.resultDetail())));
        }
        return new EvidenceTable("Authentication steps", STEP_COLUMNS, rows);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
