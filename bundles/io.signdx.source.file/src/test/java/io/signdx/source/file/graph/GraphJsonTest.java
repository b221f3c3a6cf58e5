package io.signdx.source.file.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.signdx.api.model.SignIn;
import io.signdx.source.file.internal.FileSignInReader;

import org.junit.jupiter.api.Test;

class GraphJsonTest {
    private static Path resource(String name) throws Exception {
        return Path.of(GraphJsonTest.class.getResource("/" + name).toURI());
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() throws Exception {
        List<SignIn> all = new ArrayList<>();
        FileSignInReader reader = new FileSignInReader();
        for (String f : List.of("json/portal-array.json", "public/azure-monitor-record-example.json",
                "json/log-analytics-rows.json", "csv/InteractiveSignIns_2026-03-02_2026-03-03.csv")) {
            reader.read(resource(f), false, all::add);
        }
        for (SignIn s : all) {
            SignIn back = GraphJson.fromJson(GraphJson.toJson(s), s.raw(), s.origin());
            assertEquals(GraphJson.toJson(s), GraphJson.toJson(back), "round trip of " + s.origin());
            assertEquals(s.appliedConditionalAccessPolicies(), back.appliedConditionalAccessPolicies());
            assertEquals(s.authenticationDetails(), back.authenticationDetails());
            assertEquals(s.location(), back.location());
            assertEquals(s.deviceDetail(), back.deviceDetail());
            assertEquals(s.risk(), back.risk());
            assertEquals(s, back);
        }
        assertEquals(8, all.size(), "2 + 1 + 1 + 4 records in the four files");
    }

    @Test
    void textThatIsNotJsonIsRefusedWithAReason() {
        String message = assertThrows(IllegalArgumentException.class, () -> GraphJson.fromJson("{", null, null))
                .getMessage();
        assertEquals(true, message.startsWith("not valid JSON: Unexpected end-of-input"), message);
    }
}
