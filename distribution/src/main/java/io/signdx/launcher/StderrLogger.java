package io.signdx.launcher;

import org.apache.felix.framework.Logger;

/**
 * Felix's own log messages go to stderr, so that a command's stdout holds only its output
 * (Felix 7 prints to System.out unless given a Logger subclass).
 */
final class StderrLogger extends Logger {
    @Override
    protected void doLogOut(int level, String message, Throwable throwable) {
        String prefix = switch (level) {
            case LOG_ERROR -> "ERROR";
            case LOG_WARNING -> "WARN";
            case LOG_INFO -> "INFO";
            default -> "DEBUG";
        };
        System.err.println("[framework] " + prefix + " " + message + (throwable == null ? "" : ": " + throwable));
    }
}
