package io.signdx.console.internal;

import java.util.Locale;

/** Console roles, each including the rights of the ones before it (DESIGN §8). */
enum Role {
    /** Search and diagnose. */
    READER,
    /** Also toggle modules and import data. */
    OPERATOR,
    /** Also install and remove bundles, install tenant snapshots, manage users and API tokens. */
    ADMIN;

    boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The name the API uses: {@code reader}, {@code operator}, {@code admin}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but reader, operator or admin (any case) */
    static Role parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a role is needed: reader, operator or admin");
        }
        try {
            return Role.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the role must be reader, operator or admin", e);
        }
    }
}
