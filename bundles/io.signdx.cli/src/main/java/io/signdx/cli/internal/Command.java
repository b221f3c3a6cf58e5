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

    /** Thrown for a usage or input problem; its message goes to stderr and the exit code is 1. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
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
