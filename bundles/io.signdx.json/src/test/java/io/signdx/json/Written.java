package io.signdx.json;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs a writer into a string and reads the text back. */
final class Written {
    /** Texts a sign-in record or a snapshot may hold to break a JSON document or the page showing it. */
    static final String HOSTILE = "\"},{\"evil\":true} \\ </script><img src=x onerror=alert(1)>\n\r\t\u0000\u001f\u2028 ü";

    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private Written() {
    }

    /** Compact JSON as a plain generator writes it. */
    static String text(Writer w) throws IOException {
        return text(w, new JsonFactory());
    }

    static String text(Writer w, JsonFactory factory) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = factory.createGenerator(out)) {
            w.write(g);
        }
        return out.toString();
    }

    /** The text written by a generator that escapes {@code < > &} as a page-embedded API would. */
    static String htmlSafe(Writer w) throws IOException {
        JsonFactory f = new JsonFactory();
        f.setCharacterEscapes(new CharacterEscapes() {
            private static final long serialVersionUID = 1L;
            private final int[] codes = standardAsciiEscapesForJSON();

            {
                codes['<'] = ESCAPE_STANDARD;
                codes['>'] = ESCAPE_STANDARD;
                codes['&'] = ESCAPE_STANDARD;
            }

            @Override
            public int[] getEscapeCodesForAscii() {
                return codes;
            }

            @Override
            public SerializableString getEscapeSequence(int ch) {
                return null;
            }
        });
        return text(w, f);
    }

    static JsonNode tree(Writer w) throws IOException {
        return new ObjectMapper().readTree(text(w));
    }

    static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
