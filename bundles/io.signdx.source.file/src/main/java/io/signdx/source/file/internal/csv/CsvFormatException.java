package io.signdx.source.file.internal.csv;

import java.io.IOException;

/**
 * A CSV file cannot be read as asked: empty, not a sign-in export (the message says which formats were
 * tried and why each failed), the wrong kind of export, or broken CSV. The message names the file and,
 * where it helps, the line.
 */
public final class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long line;
    private final CsvSignIns.Kind kind;

    CsvFormatException(String fileName, long line, CsvSignIns.Kind kind, String detail, Throwable cause) {
        super(fileName + ": " + (line > 0 ? "line " + line + ": " : "") + detail, cause);
        this.fileName = fileName;
        this.line = line;
        this.kind = kind;
    }

    /** The file's name as given. */
    public String fileName() {
        return fileName;
    }

    /** The line at fault, from 1, or 0 when the whole file is. */
    public long line() {
        return line;
    }

    /** What the header looked like, {@link CsvSignIns.Kind#UNKNOWN} when nothing matched, null when there was no header. */
    public CsvSignIns.Kind kind() {
        return kind;
    }
}
