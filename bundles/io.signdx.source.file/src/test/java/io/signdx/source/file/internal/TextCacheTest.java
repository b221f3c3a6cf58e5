package io.signdx.source.file.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

class TextCacheTest {
    private static final JsonFactory JSON = new JsonFactory();

    /** Every string value of a JSON array, read through one cache. */
    private static List<String> read(TextCache cache, String json) throws Exception {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            p.nextToken();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                out.add(cache.text(p));
            }
        }
        return out;
    }

    @Test
    void aRepeatedValueIsOneStringAndALongOneIsNeverKept() throws Exception {
        String lng = "x".repeat(TextCache.MAX_LENGTH + 1);
        List<String> v = read(new TextCache(), "[\"Office 365 Exchange Online\", \"\\u00e9t\\u00e9\", \"Office 365 "
                + "Exchange Online\", \"été\", \"" + lng + "\", \"" + lng + "\", \"\"]");
        assertEquals(List.of("Office 365 Exchange Online", "été", "Office 365 Exchange Online", "été", lng, lng, ""), v);
        assertSame(v.get(0), v.get(2));
        assertSame(v.get(1), v.get(3), "escaped and plain forms of one text are one value");
        assertNotSame(v.get(4), v.get(5));
    }

    /** Values that share a slot replace each other but are always given back exactly. */
    @Test
    void manyDistinctValuesComeBackExactly() throws Exception {
        Random r = new Random(7);
        List<String> expected = new ArrayList<>();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 200_000; i++) {
            // a few hundred recurring values among many seen once, some of equal hash ("Aa" and "BB")
            String s = r.nextInt(3) == 0 ? "v" + r.nextInt(300) : r.nextBoolean() ? "Aa" + i : "BB" + i;
            expected.add(s);
            json.append(i == 0 ? "" : ",").append(new ObjectMapper().writeValueAsString(s));
        }
        assertEquals(expected, read(new TextCache(), json.append(']').toString()));
    }
}
