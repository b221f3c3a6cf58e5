package io.signdx.console.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebContentRulesTest {
    private static final Path WEB = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/web");

    @Test
    void theConsolePagesFollowTheRules() {
        assertTrue(Files.isRegularFile(WEB.resolve("index.html")), "the web folder is at " + WEB.toAbsolutePath());
        assertEquals(List.of(), WebContentRules.check(WEB));
    }

    @Test
    void everyPageAndScriptIsChecked() throws IOException {
        try (var files = Files.walk(WEB)) {
            long scripts = files.filter(f -> f.toString().endsWith(".js")).count();
            assertTrue(scripts >= 10, "the app, login, helpers and one module per page: " + scripts);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<script>alert(1)</script>",
        "<script src=\"a.js\">alert(1)</script>",
        "<button onclick=\"go()\">x</button>",
        "<img src=\"x\" ONERROR = \"go()\">",
        "<div style=\"color:red\">x</div>",
        "<style>p{}</style>",
        "<a href=\"javascript:go()\">x</a>"})
    void refusesInlineCodeAndStyleInPages(String html) {
        assertEquals(1, WebContentRules.checkHtml("page.html", "<!doctype html>" + html).size(), html);
    }

    @Test
    void acceptsExternalScriptsAndPlainMarkup() {
        assertEquals(List.of(), WebContentRules.checkHtml("page.html",
                "<script type=\"module\" src=\"assets/app.js\"></script><p class=\"online\">Styles, once</p>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "el.innerHTML = name;",
        "el.outerHTML = x;",
        "el.insertAdjacentHTML('beforeend', x);",
        "document.write(x);",
        "document.writeln(x);",
        "eval(code);",
        "const f = new Function('a', body);",
        "setTimeout('go()', 10);",
        "range.createContextualFragment(x);",
        "frame.srcdoc = x;",
        "el.setAttribute('style', 'color:red');",
        "el.setAttribute(\"onclick\", 'go()');",
        "a.href = 'javascript:go()';"})
    void refusesHtmlSinksAndEvaluationInScripts(String js) {
        List<String> found = WebContentRules.checkScript("page.js", "const a = 1;\n" + js);
        assertEquals(1, found.size(), js + " → " + found);
        assertTrue(found.get(0).endsWith("line 2"), found.get(0));
    }

    @Test
    void acceptsDomBuildingWithText() {
        assertEquals(List.of(), WebContentRules.checkScript("page.js",
                "const td = document.createElement('td'); td.textContent = name; el.setAttribute('href', '#/x');"
                        + " setTimeout(() => go(), 10); el.addEventListener('click', go);"));
    }

    @Test
    void reportsMissingLocalFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("index.html"), "<script type=\"module\" src=\"assets/app.js\"></script>"
                + "<link rel=\"stylesheet\" href=\"vendor/uplot/uPlot.min.css\">");
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/app.js"), "import { h } from './dom.js';\nconst p = () => import('./pages/x.js');");
        Files.writeString(dir.resolve("assets/dom.js"), "export const h = 1;");
        assertEquals(List.of("assets/app.js: refers to missing file ./pages/x.js"), WebContentRules.check(dir));
    }
}
