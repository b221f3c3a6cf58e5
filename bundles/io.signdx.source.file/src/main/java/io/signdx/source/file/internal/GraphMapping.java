package io.signdx.source.file.internal;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.api.model.SignIn;

/** Gives the exported {@code graph} package the mapper without exporting the mapper itself. */
public final class GraphMapping {
    private GraphMapping() {
    }

    /**
     * Maps one Graph-shaped sign-in.
     *
     * @throws IllegalArgumentException with a plain reason when a field cannot be understood
     */
    public static SignIn map(JsonNode node, String raw, String origin) {
        return GraphSignInMapper.map(node, raw, origin);
    }
}
