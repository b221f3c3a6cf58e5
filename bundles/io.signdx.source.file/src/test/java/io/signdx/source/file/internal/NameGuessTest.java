package io.signdx.source.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.junit.jupiter.api.Test;

class NameGuessTest {
    private static final JsonFactory JSON = new JsonFactory();

    /** Every object's names and values, as the parser reads them with or without guessing. */
    private static List<String> names(String json, boolean guessing) throws Exception {
        List<String> out = new ArrayList<>();
        NameGuess guess = new NameGuess();
        try (JsonParser p = JSON.createParser(json.getBytes(StandardCharsets.UTF_8))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String name = null;
                while ((name = guessing ? guess.next(p, name) : p.nextFieldName()) != null) {
                    assertEquals(JsonToken.FIELD_NAME, p.currentToken());
                    assertEquals(name, p.currentName());
                    p.nextToken();
                    out.add(name + "=" + p.getText());
                }
                assertEquals(JsonToken.END_OBJECT, p.currentToken());
                out.add("}");
            }
        }
        return out;
    }

    @Test
    void guessingReadsExactlyWhatTheParserReads() throws Exception {
        // the same order mostly, sometimes another, a field missing or repeated, an escaped name, a prefix of another
        String[] fields = {"id", "createdDateTime", "userPrincipalName", "user\\u0050rincipalName", "userPrincipal",
            "status", "ID", "\\u00e9t\\u00e9", "été", "a"};
        Random r = new Random(3);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            json.append(i == 0 ? "{" : ",{");
            List<String> order = new ArrayList<>(List.of(fields));
            if (r.nextInt(10) == 0) {
                java.util.Collections.shuffle(order, r);
            }
            if (r.nextInt(10) == 0) {
                order.remove(r.nextInt(order.size()));
            }
            if (r.nextInt(10) == 0) {
                order.add(order.get(r.nextInt(order.size())));
            }
            if (r.nextInt(50) == 0) {
                order.clear();
            }
            for (int f = 0; f < order.size(); f++) {
                json.append(f == 0 ? "" : ",").append('"').append(order.get(f)).append("\":").append(f);
            }
            json.append('}');
        }
        String text = json.append(']').toString();
        List<String> plain = names(text, false);
        assertEquals(plain, names(text, true));
        assertEquals(true, plain.size() > 25_000, "read: " + plain.size());
    }
}
