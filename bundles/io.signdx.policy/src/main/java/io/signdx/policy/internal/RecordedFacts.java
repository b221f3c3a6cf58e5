package io.signdx.policy.internal;

import io.signdx.api.model.SignIn;
import io.signdx.policy.SignInFacts;

/** Turns a recorded sign-in into the facts the evaluator reads. */
public final class RecordedFacts {
    private RecordedFacts() {
    }

    /** See {@link SignInFacts#of(SignIn)}. */
    public static SignInFacts of(SignIn signIn) {
        // placeholder mapping; the evaluator's author completes it (platform, client app type, device properties …)
        return SignInFacts.builder().userId(signIn.userId()).userPrincipalName(signIn.userPrincipalName())
                .userType(signIn.userTypeValue()).appId(signIn.appId()).ipAddress(signIn.ipAddress())
                .recorded(signIn).build();
    }
}
