package io.signdx.cli.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.signdx.api.detector.EvidenceTable;
import io.signdx.api.detector.Finding;
import io.signdx.api.detector.Recommendation;
import io.signdx.api.engine.Diagnosis;
import io.signdx.api.ingest.ReadReport;
import io.signdx.api.model.SignIn;
import io.signdx.json.DiagnosisJson;

/**
 * Writes diagnoses as they arrive, in one of the documented formats (docs/diagnosis-json.md): JSON for
 * scripts (each entry in the form the REST API answers too, {@link DiagnosisJson}), Markdown for tickets,
 * text for the terminal. Every value from a record is written as data: JSON-escaped, and in Markdown with
 * its markup characters escaped.
 */
abstract class DiagnosisWriter implements AutoCloseable {

    static DiagnosisWriter of(String format, PrintStream out) throws IOException {
        return switch (format) {
            case "json" -> new Json(out);
            case "markdown" -> new Markdown(out);
            case "text" -> new Text(out);
            default -> throw new Command.UsageException("--format must be text, json or markdown, not " + format);
        };
    }

    abstract void write(Diagnosis d) throws IOException;

    /** Closes the document with what was read. */
    abstract void finish(List<ReadReport> reports) throws IOException;

    @Override
    public void close() throws IOException {
        // subclasses flush in finish()
    }

    static String line(SignIn s) {
        return s.createdDateTime() + "  " + s.userLabel() + " → " + s.appLabel() + "  "
                + (s.errorCode() == 0 ? "success" : "error " + s.errorCode());
    }

    static final class Json extends DiagnosisWriter {
        private final JsonGenerator g;

        Json(OutputStream out) throws IOException {
            g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)
                    .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false).useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("diagnoses");
        }

        @Override
        void write(Diagnosis d) throws IOException {
            DiagnosisJson.write(d, g);
        }

        @Override
        void finish(List<ReadReport> reports) throws IOException {
            g.writeEndArray();
            g.writeArrayFieldStart("files");
            for (ReadReport r : reports) {
                g.writeStartObject();
                g.writeStringField("file", r.file());
                g.writeStringField("format", r.format());
                g.writeNumberField("read", r.read());
                g.writeNumberField("rejected", r.rejectedCount());
                g.writeArrayFieldStart("rejections");
                for (var x : r.rejected()) {
                    g.writeString(x.toString());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush();
        }
    }

    static final class Text extends DiagnosisWriter {
        private final PrintStream out;

        Text(PrintStream out) {
            this.out = out;
        }

        @Override
        void write(Diagnosis d) {
            SignIn s = d.signIn();
            out.println(clean(line(s)) + "  [" + d.scenario() + "]");
            if (s.status().failureReason() != null) {
                out.println("  failure reason: " + clean(s.status().failureReason()));
            }
            for (Finding f : d.findings()) {
                out.println("  * " + clean(f.title()) + " (" + f.scenario()
                        + (f.classification() == null ? "" : ", " + clean(f.classification())) + ", "
                        + f.confidence().name().toLowerCase(Locale.ROOT) + " confidence)");
                out.println("    " + clean(f.assessment()));
                for (Recommendation r : f.recommendations()) {
                    out.println("    - " + r.actor().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                            + clean(r.action()) + (r.link() == null ? "" : " <" + clean(r.link()) + ">"));
                }
                for (String m : f.missing()) {
                    out.println("    (missing for a firmer verdict: " + clean(m) + ")");
                }
            }
            out.println("  support: request " + clean(String.valueOf(d.support().requestId())) + ", correlation "
                    + clean(String.valueOf(d.support().correlationId())) + ", time " + d.support().timestamp()
                    + ", code " + d.support().errorCode());
            out.println();
        }

        @Override
        void finish(List<ReadReport> reports) {
            for (ReadReport r : reports) {
                out.println(clean(r.file()) + ": " + r.format() + ", " + r.read() + " read, " + r.rejectedCount()
                        + " rejected");
            }
            out.flush();
        }

        /** Terminal control characters from a record must not reach the terminal. */
        static String clean(String s) {
            return s == null ? "" : s.replaceAll("\\p{Cntrl}", " ");
        }
    }

    static final class Markdown extends DiagnosisWriter {
        private final PrintStream out;

        Markdown(PrintStream out) {
            this.out = out;
            out.println("# SignDx diagnosis");
            out.println();
        }

        @Override
        void write(Diagnosis d) {
            SignIn s = d.signIn();
            out.println("## " + md(line(s)));
            out.println();
            out.println("Primary scenario: `" + d.scenario() + "`");
            out.println();
            for (Finding f : d.findings()) {
                out.println("### " + md(f.title()) + " (`" + f.scenario() + "`)");
                out.println();
                out.println(md(f.assessment()));
                out.println();
                for (EvidenceTable t : f.evidence()) {
                    out.println("**" + md(t.title()) + "**");
                    out.println();
                    out.println("| " + String.join(" | ", t.columns().stream().map(Markdown::md).toList()) + " |");
                    out.println("|" + " --- |".repeat(t.columns().size()));
                    for (List<String> row : t.rows()) {
                        out.println("| " + String.join(" | ", row.stream().map(Markdown::md).toList()) + " |");
                    }
                    out.println();
                }
                for (Recommendation r : f.recommendations()) {
                    out.println("- **" + r.actor().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "**: "
                            + md(r.action()) + (r.link() == null ? "" : " (" + md(r.link()) + ")"));
                }
                out.println();
            }
            out.println("Support details: request `" + code(d.support().requestId()) + "`, correlation `"
                    + code(d.support().correlationId()) + "`, time " + d.support().timestamp() + ", code "
                    + d.support().errorCode());
            out.println();
        }

        @Override
        void finish(List<ReadReport> reports) {
            for (ReadReport r : reports) {
                out.println("- " + md(r.file()) + ": " + md(r.format()) + ", " + r.read() + " read, "
                        + r.rejectedCount() + " rejected");
            }
            out.flush();
        }

        /** Escapes Markdown and HTML so that record text renders as text. */
        static String md(String s) {
            if (s == null) {
                return "";
            }
            StringBuilder b = new StringBuilder(s.length() + 16);
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    case '&' -> b.append("&amp;");
                    case '\n', '\r' -> b.append(' ');
                    case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '(', ')' -> b.append('\\').append(c);
                    default -> b.append(c);
                }
            }
            return b.toString();
        }

        private static String code(String s) {
            return s == null ? "" : s.replace("`", "'");
        }
    }
}
