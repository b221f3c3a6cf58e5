package io.signdx.scenario.enterpriseapps.internal;

import io.signdx.api.detector.Actor;

/**
 * One thing to do about an application error, as a template: placeholders such as {@code {app}} are
 * filled from the sign-in by {@link Facts#render(String)}.
 *
 * @param actor who acts
 * @param text what to do, with placeholders
 * @param link a documentation link, or {@code null}
 */
record Step(Actor actor, String text, String link) {
}
