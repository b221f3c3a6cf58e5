package io.signdx.console.internal;

/**
 * Who made a request and how they proved it.
 *
 * @param name the console user, or the API token's name
 * @param role the role the request acts with
 * @param method how the request was authenticated
 * @param session the browser session, for {@link Method#SESSION} only; otherwise {@code null}
 */
record Principal(String name, Role role, Method method, Sessions.Session session) {
    /** How a request was authenticated. */
    enum Method {
        /** The session cookie: state-changing requests need the CSRF token too. */
        SESSION,
        /** HTTP Basic with a console user's password. */
        BASIC,
        /** {@code Authorization: Bearer} with an API token. */
        TOKEN
    }

    /** The name the audit log gives the caller. */
    String actor() {
        return method == Method.TOKEN ? "token:" + name : name;
    }
}
