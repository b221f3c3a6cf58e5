package io.signdx.console.ui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules the console's pages follow so that the strict Content-Security-Policy holds and no record
 * value is ever parsed as markup: no inline script, style or event handler in the pages, no HTML
 * sinks or string evaluation in the scripts, and every local file a page or script refers to exists.
 */
final class WebContentRules {
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>", Pattern.DOTALL);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript\\s*:", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("\\s(?:src|href)\\s*=\\s*\"([^\"#:?]+)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile(
            "(?:\\bimport\\s*\\(\\s*|\\bfrom\\s+|^\\s*import\\s+)'(\\.{1,2}/[^']+)'", Pattern.MULTILINE);
    /** What scripts must never contain: HTML sinks, string evaluation, attributes that undo the CSP. */
    private static final Map<String, Pattern> SCRIPT_SINKS = Map.ofEntries(
            Map.entry("innerHTML", Pattern.compile("\\binnerHTML\\b")),
            Map.entry("outerHTML", Pattern.compile("\\bouterHTML\\b")),
            Map.entry("insertAdjacentHTML", Pattern.compile("\\binsertAdjacentHTML\\b")),
            Map.entry("document.write", Pattern.compile("\\bdocument\\s*\\.\\s*write(?:ln)?\\b")),
            Map.entry("eval", Pattern.compile("\\beval\\s*\\(")),
            Map.entry("new Function", Pattern.compile("\\bnew\\s+Function\\b")),
            Map.entry("string timer", Pattern.compile("\\bset(?:Timeout|Interval)\\s*\\(\\s*['\"`]")),
            Map.entry("createContextualFragment", Pattern.compile("\\bcreateContextualFragment\\b")),
            Map.entry("srcdoc", Pattern.compile("\\bsrcdoc\\b")),
            Map.entry("style attribute", Pattern.compile("setAttribute\\s*\\(\\s*['\"`]style['\"`]")),
            Map.entry("event handler attribute", Pattern.compile("setAttribute\\s*\\(\\s*['\"`]on[a-z]+['\"`]",
                    Pattern.CASE_INSENSITIVE)),
            Map.entry("javascript: URL", JAVASCRIPT_URL));

    private WebContentRules() {
    }

    /** Every violation in the folder, as "file: what". */
    static List<String> check(Path web) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(web)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = web.relativize(f).toString().replace('\\', '/');
                String content = Files.readString(f, StandardCharsets.UTF_8);
                if (name.endsWith(".html")) {
                    out.addAll(checkHtml(name, content));
                    out.addAll(missingReferences(web, f, name, LOCAL_REFERENCE.matcher(content)));
                } else if (name.endsWith(".js")) {
                    out.addAll(checkScript(name, content));
                    out.addAll(missingReferences(web, f, name, IMPORT.matcher(content)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static List<String> checkHtml(String name, String html) {
        List<String> out = new ArrayList<>();
        Matcher script = SCRIPT.matcher(html);
        while (script.find()) {
            if (!script.group(1).toLowerCase().contains("src=") || !script.group(2).isBlank()) {
                out.add(name + ": inline script at offset " + script.start());
            }
        }
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            if (HANDLER_ATTRIBUTE.matcher(tag.group()).find()) {
                out.add(name + ": event handler attribute in " + tag.group());
            }
            if (STYLE_ATTRIBUTE.matcher(tag.group()).find()) {
                out.add(name + ": style attribute in " + tag.group());
            }
        }
        if (STYLE_ELEMENT.matcher(html).find()) {
            out.add(name + ": inline <style> element");
        }
        if (JAVASCRIPT_URL.matcher(html).find()) {
            out.add(name + ": javascript: URL");
        }
        return out;
    }

    static List<String> checkScript(String name, String script) {
        List<String> out = new ArrayList<>();
        SCRIPT_SINKS.forEach((what, pattern) -> {
            Matcher m = pattern.matcher(script);
            if (m.find()) {
                out.add(name + ": " + what + " at line " + (1 + script.substring(0, m.start()).chars().filter(c -> c == '\n').count()));
            }
        });
        out.sort(null);
        return out;
    }

    /** References to files of this folder that do not exist; vendor/ comes from a WebJar at build time. */
    private static List<String> missingReferences(Path web, Path file, String name, Matcher refs) {
        List<String> out = new ArrayList<>();
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith("vendor/") || ref.startsWith("/")) {
                continue;
            }
            Path target = file.getParent().resolve(ref).normalize();
            if (!target.startsWith(web) || !Files.isRegularFile(target)) {
                out.add(name + ": refers to missing file " + ref);
            }
        }
        return out;
    }
}
