package io.signdx.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The {@code signdx} command: starts the OSGi platform with the product's bundles and either serves
 * (console and API) until stopped, or calls one command service and exits with its code.
 *
 * <p>Embedding Felix directly (rather than an executable jar) keeps stdout clean for command output,
 * stops cleanly on SIGTERM, lets one-shot commands skip the web server, and runs on any JDK from 17 on.
 */
public final class Main {
    /** Bundles only `serve` needs: a one-shot command neither opens a port nor pays for Jetty's start. */
    static final Set<String> SERVE_ONLY = Set.of("org.apache.felix.http.jetty12", "org.apache.felix.http.servlet-api",
            "org.apache.commons.fileupload", "org.apache.commons.commons-fileupload", "org.apache.commons.io",
            "io.signdx.console", "io.signdx.console.ui");
    /**
     * Jetty takes about a second to start in its activator and nothing waits for it (servlets are
     * whiteboard services it picks up whenever it is ready), so it starts beside the other bundles.
     */
    static final Set<String> START_IN_BACKGROUND = Set.of("org.apache.felix.http.jetty12");
    private static final long COMMAND_WAIT_MILLIS = 15_000;
    /** The logging API lives on the launcher's class path; bundles import these packages from the framework. */
    static final String LOGGING_PACKAGES = "org.slf4j;version=2.0.17,org.slf4j.event;version=2.0.17,"
            + "org.slf4j.helpers;version=2.0.17,org.slf4j.spi;version=2.0.17";

    /** SIGNDX_TRACE=1 prints the time of each start-up phase to stderr (for benchmarks/platform.sh). */
    private final boolean trace;
    private final long startNanos = System.nanoTime();
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path product;

    Main(PrintStream out, PrintStream err, Map<String, String> env, Path product) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.product = product;
        this.trace = env.get("SIGNDX_TRACE") != null;
    }

    private void trace(String phase) {
        if (trace) {
            err.printf("[trace] %5d ms  %s%n", (System.nanoTime() - startNanos) / 1_000_000, phase);
        }
    }

    public static void main(String[] args) {
        Main main = new Main(System.out, System.err, System.getenv(), productDir());
        int code;
        try {
            code = main.run(args);
        } catch (LauncherException e) {
            System.err.println("signdx: " + e.getMessage());
            code = e.exitCode;
        } catch (Exception e) {
            System.err.println("signdx: internal error: " + e);
            code = 2;
        }
        System.out.flush();
        System.exit(code);
    }

    /** A problem the user can fix (exit 1) or an internal failure (exit 2), with a message for them. */
    static final class LauncherException extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        LauncherException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    int run(String[] rawArgs) throws Exception {
        Options o = Options.parse(rawArgs, env, product);
        List<Path> jars = bundleJars();
        if ("serve".equals(o.command) && !o.help) {
            return serve(o, Home.prepare(o.home), jars);
        }
        Map<String, String> commands = CommandCatalog.scan(jars);
        trace("commands found");
        if (o.help) {
            out.print(usage(commands));
            return 0;
        }
        if (o.command == null) {
            err.print(usage(commands));
            return 1;
        }
        if (!commands.containsKey(o.command)) {
            err.println("signdx: unknown command '" + o.command + "'");
            err.print(usage(commands));
            return 1;
        }
        return command(o, Home.prepare(o.home), jars);
    }

    private int serve(Options o, Home home, List<Path> jars) throws Exception {
        ServeOptions s = ServeOptions.parse(o.rest);
        checkPortFree(s.bind(), s.port());
        Path cache = home.cache("serve-" + ProcessHandle.current().pid());
        Framework fw = start(home, jars, true, Map.of("org.osgi.service.http.port", String.valueOf(s.port()),
                "org.apache.felix.http.host", s.bind()), cache);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopQuietly(fw);
            Home.deleteTree(cache);
        }, "signdx-shutdown"));
        out.println("SignDx is serving http://" + hostForUrl(s.bind()) + ":" + s.port() + "/ (home: " + home.root()
                + "). Stop it with Ctrl+C.");
        fw.waitForStop(0);
        return 0;
    }

    private int command(Options o, Home home, List<Path> jars) throws Exception {
        Path cache = home.cache("cmd-" + ProcessHandle.current().pid());
        Framework fw = start(home, jars, false, Map.of(), cache);
        Thread hook = new Thread(() -> stopQuietly(fw), "signdx-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BundleContext ctx = fw.getBundleContext();
            String filter = "(&(" + Constants.OBJECTCLASS + "=" + ToIntFunction.class.getName() + ")("
                    + CommandCatalog.COMMAND + "=" + o.command + "))";
            long deadline = System.currentTimeMillis() + COMMAND_WAIT_MILLIS;
            ServiceReference<?>[] refs;
            while ((refs = ctx.getServiceReferences((String) null, filter)) == null) {
                if (System.currentTimeMillis() > deadline) {
                    throw new LauncherException(2, "the command '" + o.command + "' did not become available within "
                            + COMMAND_WAIT_MILLIS / 1000 + " s; a bundle it needs did not start (see the messages above)");
                }
                Thread.sleep(10);
            }
            @SuppressWarnings("unchecked")
            ToIntFunction<String[]> cmd = (ToIntFunction<String[]>) ctx.getService(refs[0]);
            try {
                return cmd.applyAsInt(o.rest.toArray(new String[0]));
            } finally {
                ctx.ungetService(refs[0]);
            }
        } finally {
            stopQuietly(fw);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            Home.deleteTree(cache);
        }
    }

    private Framework start(Home home, List<Path> jars, boolean serve, Map<String, String> extra, Path cache)
            throws Exception {
        configureLogging(serve);
        // SQLite extracts its native library at first use; a process killed with kill -9 leaves it behind.
        // In a folder of the product's, the driver's own clean-up at the next start removes those.
        Path sqliteTmp = home.root().resolve("data").resolve("tmp").resolve("sqlite");
        Files.createDirectories(sqliteTmp);
        System.setProperty("org.sqlite.tmpdir", sqliteTmp.toString());
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        // A fresh cache every start: configuration comes from conf/, deployed bundles from deploy/.
        cfg.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        cfg.put("felix.log.logger", new StderrLogger());
        cfg.put("felix.log.level", "1");
        cfg.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, LOGGING_PACKAGES);
        cfg.put("signdx.home", home.root().toString());
        cfg.put("signdx.mode", serve ? "serve" : "command");
        cfg.put("felix.fileinstall.dir", home.deploy() + "," + home.conf());
        cfg.put("felix.fileinstall.poll", "500");
        cfg.put("felix.fileinstall.noInitialDelay", "true");
        // Only bundles and configuration files: READMEs and editor backups in the folders are left alone.
        cfg.put("felix.fileinstall.filter", ".*\\.(jar|cfg|config)");
        // FileInstall would otherwise rewrite .cfg files, and short-lived processes have truncated them.
        cfg.put("felix.fileinstall.enableConfigSave", "false");
        cfg.put("felix.fileinstall.log.default", "jul");
        cfg.put("felix.fileinstall.log.level", serve ? "2" : "1");
        cfg.putAll(extra);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new LauncherException(2, "no OSGi framework on the class path"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Framework fw = factory.newFramework((Map) cfg);
        fw.init();
        trace("framework initialised");
        BundleContext ctx = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            String bsn = symbolicName(jar);
            if (!serve && SERVE_ONLY.contains(bsn)) {
                continue;
            }
            try {
                // "reference:" runs the jar in place instead of copying 20 MB into the cache at every start
                installed.add(ctx.installBundle("reference:" + jar.toUri()));
            } catch (BundleException e) {
                err.println("signdx: cannot install " + jar.getFileName() + ": " + e.getMessage());
            }
        }
        trace("bundles installed");
        fw.start();
        fw.adapt(FrameworkWiring.class).resolveBundles(installed);
        trace("bundles resolved");
        List<Thread> background = new ArrayList<>();
        for (Bundle b : StartOrder.of(installed)) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            if (START_IN_BACKGROUND.contains(b.getSymbolicName())) {
                Thread t = new Thread(() -> startBundle(b), "signdx-start-" + b.getSymbolicName());
                t.start();
                background.add(t);
            } else {
                startBundle(b);
            }
        }
        for (Thread t : background) {
            t.join();
        }
        return fw;
    }

    private void startBundle(Bundle b) {
        try {
            b.start();
        } catch (BundleException e) {
            err.println("signdx: bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
        }
        trace("started " + b.getSymbolicName());
    }

    private static void configureLogging(boolean serve) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", serve ? "info" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", String.valueOf(serve));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }

    private static void stopQuietly(Framework fw) {
        try {
            if ((fw.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                fw.stop();
                fw.waitForStop(20_000);
            }
        } catch (Exception e) {
            System.err.println("signdx: error while stopping: " + e);
        }
    }

    private List<Path> bundleJars() throws LauncherException {
        Path dir = product.resolve("bundles");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new LauncherException(2, "cannot read the product's bundles in " + dir + ": " + e.getMessage());
        }
    }

    private static String symbolicName(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            String bsn = jf.getManifest() == null ? null
                    : jf.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            return bsn == null ? "" : bsn.split(";")[0].trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void checkPortFree(String bind, int port) throws LauncherException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bind), port));
        } catch (IOException e) {
            throw new LauncherException(1, "cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); choose another port with --port or address with --bind");
        }
    }

    private static String hostForUrl(String bind) {
        return bind.contains(":") ? "[" + bind + "]" : bind;
    }

    static String usage(Map<String, String> commands) {
        StringBuilder b = new StringBuilder();
        b.append("usage: signdx [--home DIR] COMMAND [ARGS]\n\n");
        b.append("  serve        start the platform, web console and REST API [--port N] [--bind ADDR]\n");
        commands.forEach((name, summary) -> b.append(String.format("  %-12s %s%n", name, summary)));
        b.append("\n--home DIR (or SIGNDX_HOME) is the folder with data/, conf/, deploy/ and logs/;\n");
        b.append("by default the product folder itself. 'signdx COMMAND --help' explains a command.\n");
        return b.toString();
    }

    private static Path productDir() {
        String prop = System.getProperty("signdx.product");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            // lib/signdx-launcher.jar -> the product folder is lib's parent
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".").toAbsolutePath().normalize();
        }
    }

    /** The home folder and its parts, created when missing (FileInstall does not create what it watches). */
    record Home(Path root) {
        static Home prepare(Path root) throws LauncherException {
            Home h = new Home(root.toAbsolutePath().normalize());
            try {
                for (Path p : List.of(h.conf(), h.deploy(), h.root.resolve("data"), h.root.resolve("logs"))) {
                    Files.createDirectories(p);
                }
                h.sweepStaleCaches();
            } catch (IOException e) {
                throw new LauncherException(1, "cannot prepare the home folder " + h.root + ": " + e.getMessage());
            }
            return h;
        }

        Path conf() {
            return root.resolve("conf");
        }

        Path deploy() {
            return root.resolve("deploy");
        }

        Path cache(String name) {
            return root.resolve("data").resolve("cache").resolve(name);
        }

        /**
         * Every process has its own framework cache (data/cache/serve-PID or cmd-PID), removed when it
         * stops; one killed with kill -9 leaves it behind, so those of dead processes are swept here.
         */
        private void sweepStaleCaches() throws IOException {
            Path caches = root.resolve("data").resolve("cache");
            if (!Files.isDirectory(caches)) {
                return;
            }
            List<Path> stale = new ArrayList<>();
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(caches, "{cmd,serve}-*")) {
                for (Path d : dirs) {
                    String name = d.getFileName().toString();
                    try {
                        long pid = Long.parseLong(name.substring(name.indexOf('-') + 1));
                        if (ProcessHandle.of(pid).isEmpty()) {
                            stale.add(d);
                        }
                    } catch (NumberFormatException e) {
                        // not ours
                    }
                }
            }
            // Deleting a cache of 20 MB takes longer than starting: do it beside the start.
            Thread sweeper = new Thread(() -> stale.forEach(Home::deleteTree), "signdx-cache-sweeper");
            sweeper.setDaemon(true);
            sweeper.start();
        }

        static void deleteTree(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a leftover cache is swept on the next start
            }
        }
    }
}
