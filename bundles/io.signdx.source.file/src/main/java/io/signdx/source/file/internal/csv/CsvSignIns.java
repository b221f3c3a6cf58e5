package io.signdx.source.file.internal.csv;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV sign-in exports administrators get into Graph beta {@code signIn} shaped JSON objects:
 * <ul>
 * <li>the Entra admin center download (Sign-in logs → Download → CSV: {@code InteractiveSignIns_…csv}
 * and the like), with display-name columns such as {@code Date (UTC)} and {@code Request ID}, and its
 * companion {@code …AuthDetails…csv} joined on Request ID;</li>
 * <li>the Log Analytics "Export to CSV" of {@code SigninLogs} / {@code AADNonInteractiveUserSignInLogs},
 * with PascalCase columns and JSON in the dynamic columns.</li>
 * </ul>
 * Headers are matched leniently (see {@link #detect}); rows are streamed ({@link #open}).
 */
public final class CsvSignIns {

    /** What a CSV header looks like. */
    public enum Kind {
        /** The Entra admin center sign-in download. */
        PORTAL("Entra portal sign-in CSV"),
        /** A Log Analytics export of a sign-in table. */
        LOG_ANALYTICS("Log Analytics sign-in CSV"),
        /** The admin center's authentication details download (…AuthDetails…csv). */
        AUTH_DETAILS("Entra portal authentication details CSV"),
        /** None of these. */
        UNKNOWN("unknown CSV");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short name for messages, e.g. "Entra portal sign-in CSV". */
        public String label() {
            return label;
        }

        /** The label with its article, e.g. "an Entra portal sign-in CSV". */
        String withArticle() {
            return ("aeiouAEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
        }
    }

    private CsvSignIns() {
    }

    /**
     * What kind of export this header is. Names are matched after trimming, collapsing inner whitespace,
     * ignoring case and dropping a {@code " [UTC]"}-style suffix; repeated names are allowed.
     */
    public static Kind detect(List<String> header) {
        return detect(new Header(header));
    }

    static Kind detect(Header h) {
        if (authDetailsProblems(h).isEmpty()) {
            return Kind.AUTH_DETAILS;
        }
        if (portalProblems(h).isEmpty()) {
            return Kind.PORTAL;
        }
        if (logAnalyticsProblems(h).isEmpty()) {
            return Kind.LOG_ANALYTICS;
        }
        return Kind.UNKNOWN;
    }

    /**
     * Why this header is not of the wanted kind, in a few words (e.g. "no 'Request ID' or 'Date (UTC)'
     * column"), for "formats tried and why each failed" messages; null when it is.
     */
    public static String whyNot(Kind wanted, List<String> header) {
        return whyNot(wanted, new Header(header));
    }

    static String whyNot(Kind wanted, Header h) {
        Kind actual = detect(h);
        if (actual == wanted) {
            return null;
        }
        if (h.size() == 0) {
            return "the file has no header line";
        }
        List<String> problems;
        switch (wanted) {
            case PORTAL:
                problems = portalProblems(h);
                break;
            case LOG_ANALYTICS:
                problems = logAnalyticsProblems(h);
                break;
            case AUTH_DETAILS:
                problems = authDetailsProblems(h);
                break;
            default:
                return "it is " + actual.withArticle();
        }
        if (problems.isEmpty()) {
            // it would do, but a more specific kind matched first
            return "it is " + actual.withArticle();
        }
        return String.join("; ", problems);
    }

    private static List<String> portalProblems(Header h) {
        List<String> p = new ArrayList<>();
        boolean id = h.has("Request ID");
        boolean date = h.has("Date (UTC)");
        if (!id && !date) {
            p.add("no 'Request ID' or 'Date (UTC)' column");
        } else if (!id) {
            p.add("no 'Request ID' column");
        } else if (!date) {
            p.add("no 'Date (UTC)' column");
        }
        return p;
    }

    private static List<String> logAnalyticsProblems(Header h) {
        List<String> p = new ArrayList<>();
        if (!h.has("TimeGenerated", "CreatedDateTime")) {
            p.add("no 'TimeGenerated' or 'CreatedDateTime' column");
        }
        if (!h.has("ResultType", "Status", "Status_dynamic", "Status_string")) {
            p.add("no 'ResultType' or 'Status' column");
        }
        if (!h.has("Id", "OriginalRequestId", "CorrelationId", "UserPrincipalName", "AppId")) {
            p.add("no 'Id', 'OriginalRequestId', 'CorrelationId', 'UserPrincipalName' or 'AppId' column");
        }
        return p;
    }

    private static List<String> authDetailsProblems(Header h) {
        List<String> p = new ArrayList<>();
        if (!h.has("Request ID")) {
            p.add("no 'Request ID' column");
        }
        if (!h.has("Authentication method", "Authentication method detail")) {
            p.add("no 'Authentication method' column");
        }
        if (!h.has("Succeeded", "Result detail", "Authentication step result detail", "Requirement",
                "Authentication step requirement")) {
            p.add("no 'Succeeded', 'Result detail' or 'Requirement' column");
        }
        if (h.has("Username", "Application", "Sign-in error code")) {
            p.add("it has sign-in columns ('Username', 'Application' or 'Sign-in error code')");
        }
        return p;
    }

    /**
     * Opens a portal or Log Analytics sign-in CSV: reads its header now and its rows as they are asked
     * for, in constant memory. The rows own the reader: close them (also closes the reader). On failure
     * the reader is closed.
     *
     * @param reader the file's text (a byte order mark is tolerated)
     * @param fileName the name shown in messages; the portal's file name also tells interactive
     *        ({@code InteractiveSignIns_…}) from non-interactive ({@code NonInteractiveSignIns_…}) sign-ins
     * @throws CsvFormatException when the file is empty, broken in its header, an AuthDetails file, or
     *         not a sign-in export (the message lists the formats tried and why each failed)
     * @throws IOException when the reader fails
     */
    public static CsvRows open(Reader reader, String fileName) throws IOException {
        RowReader rows = new RowReader(reader);
        try {
            RowReader.Row first = header(rows, fileName);
            Header h = new Header(Arrays.asList(first.cells()));
            Kind kind = detect(h);
            switch (kind) {
                case PORTAL:
                    return new CsvRows(rows, h, kind, new PortalMapper(h, fileName), fileName);
                case LOG_ANALYTICS:
                    return new CsvRows(rows, h, kind, new LogAnalyticsMapper(h, fileName), fileName);
                case AUTH_DETAILS:
                    throw new CsvFormatException(fileName, 0, kind, "this is " + kind.withArticle()
                            + " (one row per authentication step); read the sign-ins CSV downloaded with it and"
                            + " join this file to it by Request ID", null);
                default:
                    throw new CsvFormatException(fileName, 0, kind, "not a sign-in CSV export; tried "
                            + Kind.PORTAL.label() + ": " + whyNot(Kind.PORTAL, h) + "; "
                            + Kind.LOG_ANALYTICS.label() + ": " + whyNot(Kind.LOG_ANALYTICS, h)
                            + " (columns: " + shortList(h.names()) + ")", null);
            }
        } catch (IOException | RuntimeException e) {
            try {
                rows.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads the portal's authentication details CSV (…AuthDetails…csv) into {@code byRequestId}: for every
     * row, a Graph {@code authenticationDetail} ({@code authenticationStepDateTime},
     * {@code authenticationMethod}, {@code authenticationMethodDetail}, {@code succeeded},
     * {@code authenticationStepResultDetail}, {@code authenticationStepRequirement}) appended, in file
     * order, to the array under its Request ID. Give the map to {@link CsvRows#withAuthDetails}. Closes
     * the reader.
     *
     * @throws CsvFormatException when the file is not an authentication details CSV, or a row has a value
     *         that cannot be read (the message gives record, line, column and value)
     */
    public static void joinAuthDetails(Reader authDetailsCsv, String fileName, Map<String, ArrayNode> byRequestId)
            throws IOException {
        try (RowReader rows = new RowReader(authDetailsCsv)) {
            RowReader.Row first = header(rows, fileName);
            Header h = new Header(Arrays.asList(first.cells()));
            Kind kind = detect(h);
            if (kind != Kind.AUTH_DETAILS) {
                throw new CsvFormatException(fileName, 0, kind, "not " + Kind.AUTH_DETAILS.withArticle() + ": "
                        + whyNot(Kind.AUTH_DETAILS, h), null);
            }
            AuthDetailsMapper mapper = new AuthDetailsMapper(h);
            long record = 0;
            while (true) {
                RowReader.Row row;
                try {
                    row = rows.next();
                } catch (RowReader.SyntaxException e) {
                    throw new CsvFormatException(fileName, e.line, kind, "record " + (record + 1) + ": "
                            + e.getMessage(), e);
                }
                if (row == null) {
                    return;
                }
                record++;
                try {
                    mapper.add(row.cells(), byRequestId);
                } catch (RowException e) {
                    throw new CsvFormatException(fileName, row.line(), kind, "record " + record + ": "
                            + e.getMessage(), null);
                }
            }
        }
    }

    /** The header row: the first non-blank row, after an Excel {@code sep=,} hint if there is one. */
    private static RowReader.Row header(RowReader rows, String fileName) throws IOException {
        RowReader.Row first;
        try {
            first = rows.next();
            if (first != null && separatorHint(first.cells())) {
                first = rows.next();
            }
        } catch (RowReader.SyntaxException e) {
            throw new CsvFormatException(fileName, e.line, null, "header: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new CsvFormatException(fileName, 0, null, "the file is empty: no header line", null);
        }
        return first;
    }

    /** Excel's {@code sep=,} first line (read as the cells "sep=" and ""). */
    private static boolean separatorHint(String[] cells) {
        if (!Header.display(cells[0]).toLowerCase(Locale.ROOT).startsWith("sep=")) {
            return false;
        }
        for (int i = 1; i < cells.length; i++) {
            if (!cells[i].isBlank()) {
                return false;
            }
        }
        return cells.length <= 2;
    }

    private static String shortList(List<String> names) {
        List<String> quoted = new ArrayList<>();
        for (String n : names) {
            if (quoted.size() == 8) {
                quoted.add("… " + (names.size() - 8) + " more");
                break;
            }
            quoted.add("'" + n + "'");
        }
        return String.join(", ", quoted);
    }
}
