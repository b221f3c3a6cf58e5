package io.signdx.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.catalog.ErrorCodeCatalog;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private final Catalog catalog = new Catalog();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ExplainCommand command = command(catalog);

    private ExplainCommand command(ErrorCodeCatalog c) {
        return new ExplainCommand(c, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return command.applyAsInt(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void explainsACodeAsText() {
        ErrorCode e = catalog.lookup(50126).orElseThrow();
        assertEquals(0, run("50126"));
        String text = out();
        assertTrue(text.startsWith("AADSTS50126 InvalidUserNameOrPassword\n"), text);
        assertTrue(text.contains("Category: credentials"), text);
        assertTrue(text.contains(e.explanation()), text);
        assertTrue(text.contains("What to do (USER, the user who signed in):\n  " + e.remediation()), text);
        for (String link : e.links()) {
            assertTrue(text.contains("  " + link + "\n"), text);
        }
        assertEquals("", err());
    }

    @Test
    void acceptsTheCodeWithOrWithoutThePrefix() {
        assertEquals(0, run("50126"));
        String plain = out();
        assertEquals(0, run("AADSTS50126"));
        assertEquals(plain, out());
        assertEquals(0, run("aadsts50126"));
        assertEquals(plain, out());
        assertEquals(0, run("--format", "text", "AADSTS50126"));
        assertEquals(plain, out());
    }

    @Test
    void explainsACodeAsJson() throws Exception {
        ErrorCode e = catalog.lookup(7000215).orElseThrow();
        assertEquals(0, run("AADSTS7000215", "--format", "json"));
        JsonNode json = new ObjectMapper().readTree(out());
        assertEquals(7000215, json.get("code").intValue());
        assertTrue(json.get("name").isNull());
        assertEquals(e.category(), json.get("category").asText());
        assertEquals(e.explanation(), json.get("explanation").asText());
        assertEquals(e.remediation(), json.get("remediation").asText());
        assertEquals(e.actor().name(), json.get("actor").asText());
        assertEquals(e.links().size(), json.get("links").size());
        assertEquals(e.links().get(0), json.get("links").get(0).asText());
        assertEquals(0, run("--format=json", "53003"));
        assertEquals("BlockedByConditionalAccess", new ObjectMapper().readTree(out()).get("name").asText());
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out().startsWith("usage: signdx explain CODE"), out());
        assertEquals(0, run("50126", "--help"));
        assertTrue(out().startsWith("usage: signdx explain CODE"), out());
        assertEquals("", err());
    }

    @Test
    void usageMistakesExitWithOneAndPrintUsage() {
        assertUsage("which code?");
        assertUsage("exactly one code", "50126", "50053");
        assertUsage("unknown option --colour", "--colour", "50126");
        assertUsage("--format must be text or json, not 'xml'", "50126", "--format", "xml");
        assertUsage("--format needs a value", "50126", "--format");
        assertUsage("'hello' is not an AADSTS code", "hello");
        assertUsage("'AADSTS' is not an AADSTS code", "AADSTS");
        assertUsage("'-5' is not an AADSTS code", "-5");
    }

    private void assertUsage(String message, String... args) {
        assertEquals(1, run(args), String.join(" ", args));
        assertTrue(err().startsWith("signdx explain: "), err());
        assertTrue(err().contains(message), err());
        assertTrue(err().contains("usage: signdx explain CODE"), err());
        assertEquals("", out());
    }

    @Test
    void anUncataloguedCodeExitsWithOneAndPointsToTheLookup() {
        assertEquals(1, run("AADSTS4242424"));
        assertTrue(err().contains("AADSTS4242424 is not in the SignDx catalogue"), err());
        assertTrue(err().contains("https://login.microsoftonline.com/error?code=4242424"), err());
        assertEquals("", out());
    }

    @Test
    void aFailingCatalogueIsAnInternalError() {
        ExplainCommand broken = command(new ErrorCodeCatalog() {
            @Override
            public Optional<ErrorCode> lookup(int code) {
                throw new IllegalStateException("catalogue unavailable");
            }

            @Override
            public Collection<ErrorCode> all() {
                return List.of();
            }
        });
        assertEquals(2, broken.applyAsInt(new String[] {"50126"}));
        assertTrue(err().contains("internal error") && err().contains("catalogue unavailable"), err());
    }
}
