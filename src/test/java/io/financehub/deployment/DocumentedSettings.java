package io.financehub.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a deployment may set: the hub's settings as README.md's Configuration table documents
 * them, and Spring Boot's own properties in their environment-variable form (relaxed binding: {@code
 * SPRING_DATASOURCE_URL} is {@code spring.datasource.url}), as the configuration metadata of the jars on the class
 * path declares them. A variable outside both is one nothing reads: a typo, or a setting that was removed.
 */
final class DocumentedSettings {

    private static final Pattern DOCUMENTED = Pattern.compile("`((?:HUB|SPRING|SERVER)_[A-Z0-9_]+)`");

    private final Set<String> documented;
    private final Set<String> springProperties;

    private DocumentedSettings(Set<String> documented, Set<String> springProperties) {
        this.documented = documented;
        this.springProperties = springProperties;
    }

    static DocumentedSettings load() {
        try {
            return new DocumentedSettings(readmeVariables(Path.of("README.md")), springBootEnvironmentNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with each of these variable names; empty when every one is documented and, if Spring's, real. */
    List<String> problems(String where, Collection<String> variables) {
        List<String> problems = new ArrayList<>();
        for (String name : variables) {
            if (!documented.contains(name)) {
                problems.add(where + ": " + name + " is not in README.md's Configuration table");
            }
            if (name.startsWith("SPRING_") && !springProperties.contains(name)) {
                problems.add(where + ": " + name + " is no Spring Boot property (none in the configuration metadata "
                        + "binds from it)");
            }
        }
        return problems;
    }

    Set<String> documented() {
        return Collections.unmodifiableSet(documented);
    }

    private static Set<String> readmeVariables(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf("## Configuration");
        int end = text.indexOf("\n## ", start + 1);
        Matcher m = DOCUMENTED.matcher(text.substring(start, end < 0 ? text.length() : end));
        Set<String> names = new HashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Spring Boot's documented properties, each as the environment variable that binds to it. */
    private static Set<String> springBootEnvironmentNames() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> names = new HashSet<>();
        ClassLoader loader = DocumentedSettings.class.getClassLoader();
        for (String resource : List.of("META-INF/spring-configuration-metadata.json",
                "META-INF/additional-spring-configuration-metadata.json")) {
            for (URL url : Collections.list(loader.getResources(resource))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        names.add(environmentName(property.path("name").asText()));
                    }
                }
            }
        }
        return names;
    }

    /** Spring's relaxed binding from the environment: dots become underscores, dashes go, upper case. */
    static String environmentName(String property) {
        return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
