package io.signdx.api.detector;

import java.util.List;

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
}
