package io.signdx.source.file.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.signdx.api.model.SignIn;

/**
 * Maps the text of one record, as {@link FileSignInReader} keeps it in {@code SignIn.raw()}, to the sign-in the
 * reader made of it: the same classification and the same mapping (a Graph sign-in from the token stream, an
 * Azure Monitor record or a Log Analytics row through its tree). One instance per thread: it keeps the
 * streaming mapper and the field names it has resolved between records.
 */
public final class RecordReader {
    private final ObjectMapper mapper = JsonSignIns.mapper();
    private final GraphStream graph = new GraphStream(mapper);

    /**
     * The sign-in of one record.
     *
     * @throws IllegalArgumentException when the text is not one JSON object that the reader takes for a sign-in
     */
    public SignIn read(String raw, String origin) {
        // UTF-8 bytes: Jackson's byte parser is faster than its character parser, even with the copy
        byte[] utf8 = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (JsonParser p = mapper.getFactory().createParser(utf8)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the record is not a JSON object");
            }
            graph.reset();
            String name = null;
            while ((name = graph.nextName(p, name)) != null) {
                p.nextToken();
                graph.field(p, name);
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the record has more than one JSON value");
            }
            JsonSignIns.Kind kind = JsonSignIns.classify(graph.keys());
            if (kind == JsonSignIns.Kind.GRAPH_SIGN_IN) {
                return graph.signIn(raw, origin);
            }
            ObjectNode node = (ObjectNode) mapper.readTree(raw);
            return switch (JsonSignIns.classify(node)) {
                case GRAPH_SIGN_IN -> GraphSignInMapper.map(node, raw, origin);
                case AZURE_MONITOR -> GraphSignInMapper.map(Shapes.fromAzureMonitor(node), raw, origin);
                case LOG_ANALYTICS -> GraphSignInMapper.map(Shapes.fromLogAnalytics(node), raw, origin);
                default -> throw new IllegalArgumentException("not a sign-in record");
            };
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
