package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.signdx.api.tenant.ConditionalAccessPolicy;
import io.signdx.api.tenant.DirectoryUser;
import io.signdx.api.tenant.GrantControls;
import io.signdx.api.tenant.NamedLocation;
import io.signdx.api.tenant.PolicyConditions;
import io.signdx.api.tenant.TenantContext;
import io.signdx.api.tenant.TenantLoader;
import io.signdx.api.tenant.TenantSnapshots;
import io.signdx.policy.PolicyEvaluator;
import io.signdx.policy.internal.ConditionalAccessEvaluator;
import io.signdx.testkit.Tenants;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code signdx whatif} with the product's evaluator: a location policy decided only once the IP is given. */
class WhatIfRealEvaluatorTest {
    private static final String HQ = "1a1a1a1a-0000-4000-8000-000000000010";
    private static final String FINANCE = "0f0f0f0f-0000-4000-8000-000000000002";

    @TempDir
    Path dir;

    private final Stubs.Console console = new Stubs.Console();

    private static TenantContext tenant() {
        PolicyConditions c = new PolicyConditions(new PolicyConditions.Users(List.of("All"), null, null, null, null,
                null, null, null), new PolicyConditions.Applications(List.of("All"), null, null, null, null), null, null,
                new PolicyConditions.IncludeExclude(List.of("All"), List.of("AllTrusted")), null, null, null, null, null,
                null, null);
        return Tenants.builder()
                .user(new DirectoryUser("u-ann", "ann@contoso.example", "Ann", "Member", Set.of(FINANCE), Set.of()))
                .namedLocation(new NamedLocation(HQ, "Contoso HQ", NamedLocation.Kind.IP_RANGES, true,
                        List.of("203.0.113.0/24"), List.of(), false, null))
                .policy(new ConditionalAccessPolicy("p-mfa", "MFA outside trusted locations", "enabled", c,
                        new GrantControls("OR", List.of("mfa"), null, null, null), null, "test"))
                .build();
    }

    private JsonNode whatIf(String... extra) throws Exception {
        console.outBytes.reset();
        String[] base = {"--tenant", Files.createDirectories(dir.resolve("t")).toString(), "--user",
                "ann@contoso.example", "--app", "Office 365 Exchange Online", "--format", "json"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        int code = new WhatIfCommand(Stubs.handle(new Stubs.Loader(tenant()), TenantLoader.class),
                Stubs.handle(new Stubs.Snapshots(null), TenantSnapshots.class),
                Stubs.handle(new ConditionalAccessEvaluator(), PolicyEvaluator.class), console.out, console.err)
                .applyAsInt(args);
        assertEquals(0, code, console::err);
        return new ObjectMapper().readTree(console.out());
    }

    @Test
    void withoutAnAddressTheLocationPolicyIsUndecided() throws Exception {
        JsonNode doc = whatIf();
        JsonNode p = doc.get("policies").get(0);
        assertTrue(p.get("applies").isNull(), p::toString);
        assertEquals("unknown", doc.get("grant").get("outcome").asText());
        assertTrue(doc.get("missing").size() > 0, doc::toString);
    }

    @Test
    void theAddressDecidesIt() throws Exception {
        JsonNode inside = whatIf("--ip", "203.0.113.9");
        assertEquals(false, inside.get("policies").get(0).get("applies").booleanValue(), inside::toString);
        assertEquals("grant", inside.get("grant").get("outcome").asText());
        JsonNode outside = whatIf("--ip", "198.51.100.9");
        assertEquals(true, outside.get("policies").get(0).get("applies").booleanValue(), outside::toString);
        assertEquals("grantWithRequirements", outside.get("grant").get("outcome").asText());
        assertEquals("mfa", outside.get("grant").get("requirements").get(0).get("controls").get(0).asText());
    }
}
