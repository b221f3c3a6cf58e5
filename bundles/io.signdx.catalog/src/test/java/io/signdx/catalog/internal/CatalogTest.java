package io.signdx.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.detector.Actor;

import org.junit.jupiter.api.Test;

class CatalogTest {
    static final String GOOD = "{\"code\":%d,\"name\":%s,\"category\":\"credentials\",\"explanation\":\"%s\","
            + "\"remediation\":\"Reset it.\",\"actor\":\"%s\",\"links\":[\"https://login.microsoftonline.com/error?code=%d\"]}";

    static Catalog load(String json) {
        return new Catalog(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    static String entry(int code, String name, String explanation, String actor) {
        return String.format(GOOD, code, name == null ? "null" : "\"" + name + "\"", explanation, actor, code);
    }

    @Test
    void looksUpEntriesAndListsThemInCodeOrder() {
        Catalog c = load("[" + entry(70001, null, "App disabled.", "ADMIN") + ","
                + entry(50126, "InvalidUserNameOrPassword", "Wrong password.", "USER") + "]");
        ErrorCode e = c.lookup(50126).orElseThrow();
        assertEquals("InvalidUserNameOrPassword", e.name());
        assertEquals(Actor.USER, e.actor());
        assertEquals(List.of("https://login.microsoftonline.com/error?code=50126"), e.links());
        assertEquals(Optional.empty(), c.lookup(1));
        assertEquals(List.of(50126, 70001), c.all().stream().map(ErrorCode::code).toList());
        assertThrows(UnsupportedOperationException.class, () -> c.all().clear());
    }

    @Test
    void aMissingExplanationFailsLoadingAndNamesTheCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("[" + entry(50126, null, " ", "USER") + "]"));
        assertTrue(e.getMessage().contains("AADSTS50126") && e.getMessage().contains("explanation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load("[" + entry(50126, null, "x", "USER")
                .replace("\"explanation\":\"x\",", "") + "]"));
        assertTrue(e.getMessage().contains("AADSTS50126") && e.getMessage().contains("explanation"), e.getMessage());
    }

    @Test
    void anUnknownActorFailsLoadingAndNamesTheCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load("[" + entry(53003, null, "Blocked.", "HELPDESK") + "]"));
        assertTrue(e.getMessage().contains("AADSTS53003"), e.getMessage());
        assertTrue(e.getMessage().contains("HELPDESK"), e.getMessage());
    }

    @Test
    void otherMistakesFailLoadingToo() {
        String dup = "[" + entry(50126, null, "a", "USER") + "," + entry(50126, null, "b", "USER") + "]";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load(dup)).getMessage()
                .contains("AADSTS50126 appears more than once"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> load("{}")).getMessage()
                .contains("JSON array"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> load("[" + entry(50126, null, "a", "USER").replace("\"remediation\"", "\"remedation\"") + "]"))
                .getMessage().contains("unknown field 'remedation'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> load("[" + entry(50126, null, "a", "USER").replace("https://", "http://") + "]"))
                .getMessage().contains("AADSTS50126"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> load("[" + entry(50126, null, "a", "USER").replace("\"code\":50126", "\"code\":\"x\"") + "]"))
                .getMessage().contains("entry #1"));
        assertThrows(java.io.UncheckedIOException.class, () -> load("[{"));
    }
}
