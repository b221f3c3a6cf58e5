package io.signdx.cli.internal;

import java.util.function.Supplier;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service a command may need, got only when the command uses it. Commands bind their optional services
 * as {@link ComponentServiceObjects}, so that a one-shot run activates only what it uses (a lint without
 * sign-ins never opens the store), and so that a missing bundle gives a message naming it instead of a
 * command that never appears.
 *
 * @param <T> the service type
 */
final class ServiceHandle<T> {
    private final Supplier<T> supplier;
    private final String type;
    private final String bundle;
    private T service;
    private boolean got;

    private ServiceHandle(Supplier<T> supplier, Class<T> type, String bundle) {
        this.supplier = supplier;
        this.type = type.getName();
        this.bundle = bundle;
    }

    /** The service of a DS reference, or a missing one when the reference is unbound ({@code null}). */
    static <T> ServiceHandle<T> of(ComponentServiceObjects<T> objects, Class<T> type, String bundle) {
        return new ServiceHandle<>(objects == null ? () -> null : objects::getService, type, bundle);
    }

    /** A service at hand (tests, or a mandatory reference); {@code null} stands for a missing one. */
    static <T> ServiceHandle<T> direct(T service, Class<T> type, String bundle) {
        return new ServiceHandle<>(() -> service, type, bundle);
    }

    /** True when the service is registered. */
    synchronized boolean available() {
        return peek() != null;
    }

    /** The service; throws naming the bundle that should provide it when it is not registered. */
    synchronized T get() {
        T s = peek();
        if (s == null) {
            throw new Command.MissingServiceException("no " + type + " service is registered: the bundle " + bundle
                    + " is not installed or did not start (see 'signdx modules' and the messages above)");
        }
        return s;
    }

    private T peek() {
        if (!got) {
            service = supplier.get();
            got = true;
        }
        return service;
    }
}
