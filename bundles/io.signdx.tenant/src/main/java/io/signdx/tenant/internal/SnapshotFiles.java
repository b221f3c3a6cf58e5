package io.signdx.tenant.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files a list of snapshot paths stands for, each with the label it is reported under. A folder
 * stands for every {@code *.json} and {@code *.json.gz} below it (hidden files and folders aside, such as
 * the {@code ._name.json} companions macOS leaves on shared drives); a file given by name is read whatever
 * it is called.
 *
 * <p>Files are listed in the order of their labels. Labels are relative paths: with one folder they are relative to it, with several paths each starts
 * with its folder's or file's own name. Copying every file to its label below a new folder therefore gives
 * a folder that reads back with the same labels, which is how the data folder's snapshot is stored.
 */
final class SnapshotFiles {

    /** One file and its label, or a path that could not be listed (file is then null). */
    record Source(Path file, String label, String problem) {
    }

    private SnapshotFiles() {
    }

    static List<Source> list(List<Path> paths) {
        List<Source> out = new ArrayList<>();
        Set<String> rootNames = new HashSet<>();
        boolean single = paths.size() == 1;
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            String name = unique(rootNames, path.getFileName() == null ? "root" : path.getFileName().toString());
            if (Files.isDirectory(path)) {
                List<Path> files = walk(path, out, given);
                if (files == null) {
                    continue;
                }
                if (files.isEmpty()) {
                    out.add(new Source(null, given.toString(), "holds no .json or .json.gz files"));
                }
                for (Path f : files) {
                    String relative = slashes(path.relativize(f));
                    out.add(new Source(f, single ? relative : name + "/" + relative, null));
                }
            } else if (Files.isRegularFile(path)) {
                out.add(new Source(path, name, null));
            } else {
                out.add(new Source(null, given.toString(), Files.exists(path) ? "is neither a file nor a folder"
                        : "no such file or folder"));
            }
        }
        // in the order of the labels, which is also the order of the stored copy
        out.sort(Comparator.comparing(Source::label));
        return out;
    }

    private static List<Path> walk(Path folder, List<Source> out, Path given) {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).filter(f -> readable(folder, f))
                    .sorted((a, b) -> slashes(folder.relativize(a)).compareTo(slashes(folder.relativize(b))))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            out.add(new Source(null, given.toString(), "cannot be listed: " + e.getMessage()));
            return null;
        }
    }

    private static boolean readable(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".json.gz");
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = name;
        for (int i = 2; !taken.add(candidate); i++) {
            candidate = name + "-" + i;
        }
        return candidate;
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
