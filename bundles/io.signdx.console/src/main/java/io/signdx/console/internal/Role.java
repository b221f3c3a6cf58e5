package io.signdx.console.internal;

import java.util.Locale;

/** Console roles, each including the rights of the ones before it (DESIGN §8). */
enum Role {
    /** Search and diagnose. */
    READER,
    /** Also toggle modules and import data. */
    OPERATOR,
    /** Also install and remove bundles, configure sources, manage users. */
    ADMIN;

    boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    static Role parse(String value) {
        return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
