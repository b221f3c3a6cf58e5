package io.signdx.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ArgsTest {
    @Test
    void optionsFlagsAndWords() {
        Args a = Args.parse(new String[] {"disable", "--format", "json", "ca.blocked", "--strict", "--window=48h"})
                .check(Set.of("format", "window"), Set.of("strict"));
        assertEquals(List.of("disable", "ca.blocked"), a.positional());
        assertEquals("json", a.option("format", "text"));
        assertEquals("48h", a.option("window", null));
        assertTrue(a.flag("strict"));
        assertEquals("text", Args.parse(new String[0]).option("format", "text"));
    }

    @Test
    void typosAndMissingValuesAreUsageErrors() {
        assertEquals("unknown option --fromat", assertThrows(Command.UsageException.class,
                () -> Args.parse(new String[] {"--fromat", "json"}).check(Set.of("format"), Set.of())).getMessage());
        assertEquals("--format needs a value", assertThrows(Command.UsageException.class,
                () -> Args.parse(new String[] {"--format"}).check(Set.of("format"), Set.of())).getMessage());
        assertEquals("--strict takes no value", assertThrows(Command.UsageException.class,
                () -> Args.parse(new String[] {"--strict=yes"}).check(Set.of(), Set.of("strict"))).getMessage());
    }
}
