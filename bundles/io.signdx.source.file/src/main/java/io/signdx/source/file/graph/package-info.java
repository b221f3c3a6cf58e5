/**
 * The Graph beta {@code signIn} JSON form of a {@link io.signdx.api.model.SignIn}, both ways. Stores and
 * test kits use it to keep sign-ins as JSON text; signatures carry only JDK and SignDx types.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.signdx.source.file.graph;
