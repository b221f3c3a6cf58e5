/**
 * The stable JSON forms of SignDx results, shared by the command line and the REST API: a diagnosis
 * ({@link io.signdx.json.DiagnosisJson}), a Conditional Access What If evaluation
 * ({@link io.signdx.json.EvaluationJson}), policy lint findings ({@link io.signdx.json.LintJson}) and a
 * replay report ({@link io.signdx.json.ReplayJson}).
 *
 * <p>Each writer takes an API object and a Jackson {@code JsonGenerator} and writes one JSON object; the
 * caller owns the generator (pretty printing, character escapes, closing). Fields are only ever added,
 * never renamed or removed, within a major version. Enum values are written in lower camel case
 * ({@code notEnoughInformation}, {@code grantWithRequirements}, {@code newlyBlocked}). Every text comes
 * from sign-in records, snapshots or detectors and is written as a JSON string, never as raw JSON.
 *
 * <p>The writers are stateless and thread-safe. The evaluation, lint and replay writers need the
 * package {@code io.signdx.policy} at run time; {@link io.signdx.json.DiagnosisJson} does not.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.signdx.json;
