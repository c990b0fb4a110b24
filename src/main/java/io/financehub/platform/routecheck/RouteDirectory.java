package io.financehub.platform.routecheck;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A directory of route files as the hub loads it: every {@code *.yaml} is a route file, except
 * {@code *.kamelet.yaml}, which define kamelets the routes may use.
 *
 * @param files      the route files that could be read, by name
 * @param kamelets   the kamelet files beside them
 * @param unreadable one finding per file that is not YAML at all
 */
record RouteDirectory(List<RouteFile> files, List<Path> kamelets, List<Finding> unreadable) {

    static final String KAMELET_SUFFIX = ".kamelet.yaml";

    private static final Pattern MARK = Pattern.compile("(line \\d+, column \\d+)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static RouteDirectory load(Path dir) throws IOException {
        List<RouteFile> files = new ArrayList<>();
        List<Path> kamelets = new ArrayList<>();
        List<Finding> unreadable = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path path : paths) {
            String name = path.getFileName().toString();
            if (name.endsWith(KAMELET_SUFFIX)) {
                kamelets.add(path);
                continue;
            }
            try {
                JsonNode tree = YAML.readTree(path.toFile());
                files.add(new RouteFile(name, tree == null ? YAML.createArrayNode() : tree));
            } catch (JacksonException e) {
                unreadable.add(new Finding(name, null, "unreadable YAML: " + problem(e.getOriginalMessage())));
            } catch (IOException e) {
                unreadable.add(new Finding(name, null, "unreadable: " + firstLine(e.getMessage())));
            }
        }
        return new RouteDirectory(files, kamelets, unreadable);
    }

    static JsonNode readYaml(InputStream in) throws IOException {
        return YAML.readTree(in);
    }

    List<RouteEntry> entries() {
        return files.stream().flatMap(f -> f.entries().stream()).toList();
    }

    List<Endpoint> endpoints() {
        return entries().stream().flatMap(e -> RouteWalker.endpoints(e).stream()).toList();
    }

    /**
     * SnakeYAML's message without the excerpts it quotes: {@code while parsing a block mapping; expected <block end>,
     * but found '<block mapping start>' (line 4, column 5)}.
     */
    private static String problem(String message) {
        if (message == null) {
            return "cannot parse";
        }
        String where = "";
        Matcher mark = MARK.matcher(message);
        while (mark.find()) {
            where = " (" + mark.group(1) + ")";
        }
        return message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .collect(Collectors.joining("; ")) + where;
    }

    private static String firstLine(String message) {
        String text = message == null ? "cannot parse" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
