package io.signdx.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.signdx.testkit.SignIns;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/overview}: counts by scenario, code and app, and a timeline, over the stored sign-ins. */
class OverviewApiTest {
    @TempDir
    Path home;

    @Test
    void countsAndTimelineOverTheStore() throws Exception {
        try (ConsoleServer server = new ConsoleServer(home)) {
            SignIns fx = new SignIns().every(Duration.ofMinutes(50));
            server.store.store(List.of(fx.success("a@x.example").build(), fx.failure("a@x.example", 50126).build(),
                    fx.failure("b@x.example", 50126).appDisplayName("Azure Portal").build(),
                    fx.failure("b@x.example", 50074).build()));
            fx.startingAt(SignIns.START.plus(Duration.ofHours(5)));
            server.store.store(List.of(fx.failure("c@x.example", 53003).build()));
            ConsoleServer.Client c = server.reader();
            JsonNode o = c.json(c.get("/api/overview"));
            assertEquals(5, o.path("total").asLong());
            assertEquals(3, o.path("failures").asLong());
            assertEquals(1, o.path("interrupted").asLong());
            assertFalse(o.path("partial").asBoolean());
            JsonNode top = o.path("byScenario").get(0);
            assertEquals("test.code-50126", top.path("key").asText());
            assertEquals(2, top.path("count").asLong());
            assertEquals("50126", o.path("byErrorCode").get(0).path("key").asText());
            assertEquals(4, o.path("byApp").get(0).path("count").asLong());
            assertEquals("hour", o.path("bucket").asText());
            JsonNode timeline = o.path("timeline");
            assertEquals(6, timeline.size(), "09:00 to 14:00, empty hours included");
            assertEquals("2026-11-16T09:00:00Z", timeline.get(0).path("time").asText());
            assertEquals(2, timeline.get(0).path("total").asLong());
            assertEquals(1, timeline.get(0).path("failures").asLong());
            assertEquals(0, timeline.get(3).path("total").asLong());
            assertEquals(1, timeline.get(5).path("failures").asLong());

            JsonNode window = c.json(c.get("/api/overview?from=2026-11-16T12:00:00Z&to=2026-11-17"));
            assertEquals(1, window.path("total").asLong());
            assertEquals(1, c.json(c.get("/api/overview?top=1")).path("byScenario").size());

            server.store.store(List.of(fx.failure("d@x.example", 50126).build()));
            assertEquals(6, c.json(c.get("/api/overview")).path("total").asLong(), "new sign-ins are counted");
            assertEquals(400, c.get("/api/overview?from=last-week").statusCode());
        }
    }

    @Test
    void saysWhenItCountedOnlyPartOfTheSignIns() throws Exception {
        try (ConsoleServer server = new ConsoleServer(home, null, Map.of("maxOverviewSignIns", 2))) {
            SignIns fx = new SignIns();
            server.store.store(List.of(fx.success("a@x.example").build(), fx.success("b@x.example").build(),
                    fx.success("c@x.example").build()));
            JsonNode o = server.reader().json(server.reader().get("/api/overview"));
            assertEquals(3, o.path("total").asLong());
            assertEquals(2, o.path("counted").asLong());
            assertTrue(o.path("partial").asBoolean());
        }
    }
}
