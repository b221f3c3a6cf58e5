package io.signdx.scenario.enterpriseapps.internal;

/** When a rule of the table applies to a sign-in; a code's rules are tried in order, the first match wins. */
enum When {
    /** Always: the code's default rule. */
    ALWAYS,
    /** The app signs users in with SAML or WS-Federation, where reply URLs live in the enterprise app. */
    FEDERATED,
    /** The failure details say the key or certificate has expired. */
    KEY_EXPIRED,
    /** The client authenticated with a certificate (or a client assertion signed by one). */
    CERTIFICATE,
    /** A service principal or managed identity signed in on its own behalf, no user. */
    WORKLOAD;

    boolean test(Facts facts) {
        return switch (this) {
            case ALWAYS -> true;
            case FEDERATED -> facts.federated();
            case KEY_EXPIRED -> facts.keyExpired();
            case CERTIFICATE -> facts.certificate();
            case WORKLOAD -> facts.workload();
        };
    }
}
