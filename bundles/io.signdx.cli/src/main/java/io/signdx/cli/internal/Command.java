package io.signdx.cli.internal;

import java.io.PrintStream;

/**
 * Shared shape of the command services. The launcher sees only {@code ToIntFunction<String[]>}
 * (a JDK type, so nothing but {@code java.*} is shared with it) and the service properties
 * {@code signdx.command} (the name) and {@code signdx.command.summary} (one line for the usage text).
 * Exit codes follow DESIGN §7: 0 done, 1 usage or input error, 2 internal error.
 */
abstract class Command implements java.util.function.ToIntFunction<String[]> {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int INTERNAL = 2;
    /** A check the caller asked to fail on did fail (e.g. {@code lint --fail-on high} found a high finding). */
    static final int CHECK_FAILED = 3;

    /** Thrown for a usage or input problem; its message goes to stderr and the exit code is 1. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Thrown when a service the command needs is not registered: its bundle is not installed or did not
     * start. The message names the bundle; the exit code is 2 (the installation, not the input, is wrong).
     */
    static final class MissingServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingServiceException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final PrintStream err;

    Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    @Override
    public final int applyAsInt(String[] args) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.println(usage());
            return OK;
        }
        try {
            return run(Args.parse(args));
        } catch (UsageException e) {
            err.println("signdx " + name() + ": " + e.getMessage());
            err.println(usage());
            return USAGE;
        } catch (MissingServiceException e) {
            err.println("signdx " + name() + ": " + e.getMessage());
            return INTERNAL;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("signdx " + name() + ": interrupted");
            return INTERNAL;
        } catch (RuntimeException e) {
            err.println("signdx " + name() + ": internal error: " + e);
            return INTERNAL;
        }
    }

    abstract String name();

    abstract String usage();

    abstract int run(Args args) throws InterruptedException;
}
