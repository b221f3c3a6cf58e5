package io.signdx.cli.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names of Microsoft's first-party apps that What If accepts for {@code --app} when the snapshot has no
 * service principals to look the name up in. Ids are the apps' published application ids.
 */
final class WellKnownApps {
    private static final String EXCHANGE = "00000002-0000-0ff1-ce00-000000000000";
    private static final String SHAREPOINT = "00000003-0000-0ff1-ce00-000000000000";
    private static final String TEAMS = "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe";
    private static final String PORTAL = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
    private static final String ARM = "797f4846-ba00-4fd7-ba43-dac1f8f63013";
    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("office 365 exchange online", EXCHANGE), Map.entry("exchange online", EXCHANGE),
            Map.entry("exchange", EXCHANGE),
            Map.entry("office 365 sharepoint online", SHAREPOINT), Map.entry("sharepoint online", SHAREPOINT),
            Map.entry("sharepoint", SHAREPOINT),
            Map.entry("microsoft teams services", TEAMS), Map.entry("microsoft teams", TEAMS), Map.entry("teams", TEAMS),
            Map.entry("skype for business online", "00000004-0000-0ff1-ce00-000000000000"),
            Map.entry("azure portal", PORTAL), Map.entry("microsoft azure portal", PORTAL),
            Map.entry("windows azure service management api", ARM), Map.entry("azure management", ARM),
            Map.entry("microsoft graph", "00000003-0000-0000-c000-000000000000"),
            Map.entry("windows azure active directory", "00000002-0000-0000-c000-000000000000"),
            Map.entry("officehome", "4765445b-32c6-49b0-83e6-1d93765276ca"),
            Map.entry("office.com", "4b233688-031c-404b-9a80-a4f3f2351f90"),
            Map.entry("microsoft office", "d3590ed6-52b3-4102-aeff-aad2292ab01c"),
            Map.entry("microsoft intune enrollment", "d4ebce55-015a-49b5-a083-c84d1797ae8c"),
            Map.entry("microsoft planner", "09abbdfd-ed23-44ee-a2d9-a627aa1c90f3"),
            Map.entry("microsoft forms", "c9a559d2-7aab-4f13-a6ed-e7e9c52aec87"),
            Map.entry("power bi service", "00000009-0000-0000-c000-000000000000"),
            Map.entry("dataverse", "00000007-0000-0000-c000-000000000000"));

    private WellKnownApps() {
    }

    static Optional<String> id(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
