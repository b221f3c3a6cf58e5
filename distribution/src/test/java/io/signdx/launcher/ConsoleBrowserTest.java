package io.signdx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of a browser test class: one product on its own home and one headless Chromium for all of
 * the class's tests (a fresh driver per test would cost a second each), what the browser showed kept
 * when a test fails, and after every test no CSP refusal and no script error in the browser's log.
 */
abstract class ConsoleBrowserTest {
    @TempDir
    static Path home;

    static ConsoleBrowserSupport console;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (console != null) {
                console.failureRecorder().testFailed(context, cause);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        console = ConsoleBrowserSupport.start(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (console != null) {
            console.close();
            console = null;
        }
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), console.scriptProblems(), "no CSP refusal and no script error in the browser");
    }
}
