package io.signdx.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The launcher's own arguments: {@code --home DIR} (anywhere), {@code --help}, and the command name;
 * everything else is passed to the command.
 */
final class Options {
    final Path home;
    final String command;
    final List<String> rest;
    final boolean help;

    private Options(Path home, String command, List<String> rest, boolean help) {
        this.home = home;
        this.command = command;
        this.rest = rest;
        this.help = help;
    }

    static Options parse(String[] args, Map<String, String> env, Path product) throws Main.LauncherException {
        Path home = null;
        String command = null;
        boolean help = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home")) {
                if (i + 1 >= args.length) {
                    throw new Main.LauncherException(1, "--home needs a folder");
                }
                home = Path.of(args[++i]);
            } else if (a.startsWith("--home=")) {
                home = Path.of(a.substring("--home=".length()));
            } else if (command == null && (a.equals("--help") || a.equals("-h") || a.equals("help"))) {
                help = true;
            } else if (command == null && a.startsWith("-")) {
                throw new Main.LauncherException(1, "unknown option " + a + " (options follow the command)");
            } else if (command == null) {
                command = a;
            } else {
                rest.add(a);
            }
        }
        if (home == null) {
            String fromEnv = env.get("SIGNDX_HOME");
            home = fromEnv == null || fromEnv.isBlank() ? product : Path.of(fromEnv);
        }
        return new Options(home, command, rest, help);
    }
}
