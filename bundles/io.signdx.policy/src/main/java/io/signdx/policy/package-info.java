/**
 * Offline Conditional Access evaluation ("What If") and policy lint: for a real or hypothetical
 * sign-in, every policy of a tenant snapshot with a verdict for every condition, and the combined
 * grant and session controls.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.signdx.policy;
