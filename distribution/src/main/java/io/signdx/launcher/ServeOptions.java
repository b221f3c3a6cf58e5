package io.signdx.launcher;

import java.util.List;

/** {@code serve [--port N] [--bind ADDR]}: the console listens on 127.0.0.1:8080 unless told otherwise. */
record ServeOptions(int port, String bind) {
    static ServeOptions parse(List<String> args) throws Main.LauncherException {
        int port = 8080;
        String bind = "127.0.0.1";
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "--port" -> {
                    port = parsePort(value);
                    i++;
                }
                case "--bind" -> {
                    if (value == null) {
                        throw new Main.LauncherException(1, "--bind needs an address");
                    }
                    bind = value;
                    i++;
                }
                default -> throw new Main.LauncherException(1,
                        "serve: unknown argument " + a + "\nusage: signdx serve [--port N] [--bind ADDR] [--home DIR]");
            }
        }
        return new ServeOptions(port, bind);
    }

    private static int parsePort(String value) throws Main.LauncherException {
        try {
            int p = Integer.parseInt(value);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException | NullPointerException e) {
            throw new Main.LauncherException(1, "--port needs a number from 1 to 65535, not " + value);
        }
    }
}
