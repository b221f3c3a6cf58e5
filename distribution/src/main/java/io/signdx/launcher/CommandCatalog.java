package io.signdx.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Finds the commands the bundles offer by reading their Declarative Services descriptions
 * ({@code OSGI-INF/*.xml}, property {@code signdx.command}) without starting the framework, so that an
 * unknown command or {@code --help} answers at once and the usage text lists exactly what is installed.
 */
final class CommandCatalog {
    static final String COMMAND = "signdx.command";
    static final String SUMMARY = "signdx.command.summary";

    private CommandCatalog() {
    }

    /** Command name to one-line summary, from every readable jar; unreadable jars are skipped here. */
    static Map<String, String> scan(List<Path> jars) {
        Map<String, String> commands = new TreeMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        for (Path jar : jars) {
            try (JarFile jf = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = jf.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().startsWith("OSGI-INF/") && e.getName().endsWith(".xml")) {
                        try (InputStream in = jf.getInputStream(e)) {
                            read(factory, in, commands);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // A corrupt jar is reported by the framework when it is installed; here it offers no command.
            }
        }
        return commands;
    }

    private static void read(DocumentBuilderFactory factory, InputStream in, Map<String, String> commands) {
        try {
            NodeList props = factory.newDocumentBuilder().parse(in).getElementsByTagName("property");
            String name = null;
            String summary = "";
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                if (COMMAND.equals(p.getAttribute("name"))) {
                    name = p.getAttribute("value");
                } else if (SUMMARY.equals(p.getAttribute("name"))) {
                    summary = p.getAttribute("value");
                }
            }
            if (name != null && !name.isBlank()) {
                commands.put(name, summary);
            }
        } catch (Exception e) {
            // not a component description: ignore
        }
    }
}
