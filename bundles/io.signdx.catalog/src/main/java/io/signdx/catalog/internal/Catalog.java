package io.signdx.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.catalog.ErrorCode;
import io.signdx.api.catalog.ErrorCodeCatalog;
import io.signdx.api.detector.Actor;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The error-code catalogue, read once from {@value #RESOURCE} in this bundle. The texts are data,
 * not code, so they can be reviewed and corrected without touching Java. A malformed entry fails
 * activation rather than being skipped: a silently missing explanation would only show up later as
 * a "code not in the catalogue" finding, which is much harder to trace back.
 */
@Component(service = ErrorCodeCatalog.class)
public final class Catalog implements ErrorCodeCatalog {
    /** Where the data lives, relative to this bundle's class loader. */
    static final String RESOURCE = "io/signdx/catalog/error-codes.json";

    /** Categories are short identifiers (used as finding classifications), e.g. "conditional-access". */
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("code", "name", "category", "explanation", "remediation",
            "actor", "links");

    private final NavigableMap<Integer, ErrorCode> entries;

    /** Loads the catalogue shipped in this bundle. */
    @Activate
    public Catalog() {
        this(open(), RESOURCE);
    }

    /**
     * Loads a catalogue from JSON (an array of entries) and closes the stream.
     *
     * @param json the data
     * @param source names the data in error messages
     * @throws IllegalArgumentException when the data or an entry is invalid; the message names the entry
     * @throws UncheckedIOException when the data cannot be read
     */
    Catalog(InputStream json, String source) {
        try (InputStream in = json) {
            this.entries = Collections.unmodifiableNavigableMap(parse(new ObjectMapper().readTree(in), source));
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot read the error-code catalogue: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ErrorCode> lookup(int code) {
        return Optional.ofNullable(entries.get(code));
    }

    @Override
    public Collection<ErrorCode> all() {
        return entries.values();
    }

    private static InputStream open() {
        // The bundle's own class loader: the resource is private to this bundle and not exported.
        InputStream in = Catalog.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the error-code catalogue " + RESOURCE + " is missing from the bundle");
        }
        return in;
    }

    private static NavigableMap<Integer, ErrorCode> parse(JsonNode root, String source) {
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON array of error-code entries");
        }
        NavigableMap<Integer, ErrorCode> map = new TreeMap<>();
        for (int i = 0; i < root.size(); i++) {
            ErrorCode entry = entry(root.get(i), source + " entry #" + (i + 1));
            if (map.putIfAbsent(entry.code(), entry) != null) {
                throw new IllegalArgumentException(source + ": " + entry.label() + " appears more than once");
            }
        }
        return map;
    }

    private static ErrorCode entry(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        JsonNode code = node.get("code");
        if (code == null || !code.canConvertToInt() || !code.isIntegralNumber() || code.intValue() <= 0) {
            throw new IllegalArgumentException(where + " has no positive integer 'code'");
        }
        String label = where + " (AADSTS" + code.intValue() + ")";
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                // Catches typos such as "remedation" that would otherwise drop a text silently.
                throw new IllegalArgumentException(label + " has an unknown field '" + field + "'");
            }
        }
        String name = optionalText(node, "name", label);
        String category = requiredText(node, "category", label);
        if (!CATEGORY.matcher(category).matches()) {
            throw new IllegalArgumentException(label + " has category '" + category
                    + "'; categories are lower-case words joined by '-'");
        }
        String explanation = requiredText(node, "explanation", label);
        String remediation = requiredText(node, "remediation", label);
        String actorText = requiredText(node, "actor", label);
        Actor actor;
        try {
            actor = Actor.valueOf(actorText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(label + " has unknown actor '" + actorText + "'; expected one of "
                    + List.of(Actor.values()), e);
        }
        return new ErrorCode(code.intValue(), name, category, explanation, remediation, actor, links(node, label));
    }

    private static List<String> links(JsonNode node, String label) {
        JsonNode links = node.get("links");
        if (links == null || !links.isArray() || links.isEmpty()) {
            throw new IllegalArgumentException(label + " needs a non-empty 'links' array");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode link : links) {
            if (!link.isTextual() || !link.asText().startsWith("https://")) {
                throw new IllegalArgumentException(label + " has a link that is not an https URL: " + link);
            }
            result.add(link.asText());
        }
        return result;
    }

    private static String requiredText(JsonNode node, String field, String label) {
        String value = optionalText(node, field, label);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(label + " is missing '" + field + "'");
        }
        return value;
    }

    private static String optionalText(JsonNode node, String field, String label) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(label + " has a non-text '" + field + "'");
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }
}
