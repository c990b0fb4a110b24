package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kamelets a route may use: those packaged with the hub ({@code classpath:kamelets/*.kamelet.yaml}) and those
 * beside the routes, each with the parameters its {@code spec.definition.required} demands.
 */
final class KameletCatalog {

    private final Map<String, List<String>> requiredByName = new TreeMap<>();

    static KameletCatalog load(RouteDirectory routes) throws IOException {
        KameletCatalog catalog = new KameletCatalog();
        Resource[] packaged = new PathMatchingResourcePatternResolver(KameletCatalog.class.getClassLoader())
                .getResources("classpath*:kamelets/*" + RouteDirectory.KAMELET_SUFFIX);
        for (Resource resource : packaged) {
            try (InputStream in = resource.getInputStream()) {
                catalog.add(resource.getFilename(), RouteDirectory.readYaml(in));
            }
        }
        for (Path file : routes.kamelets()) {
            try (InputStream in = Files.newInputStream(file)) {
                catalog.add(file.getFileName().toString(), RouteDirectory.readYaml(in));
            }
        }
        return catalog;
    }

    private void add(String fileName, JsonNode kamelet) {
        String name = fileName.substring(0, fileName.length() - RouteDirectory.KAMELET_SUFFIX.length());
        List<String> required = new ArrayList<>();
        if (kamelet != null) {
            kamelet.path("spec").path("definition").path("required").forEach(r -> required.add(r.asText()));
        }
        requiredByName.put(name, required);
    }

    boolean contains(String name) {
        return requiredByName.containsKey(name);
    }

    List<String> required(String name) {
        return requiredByName.getOrDefault(name, List.of());
    }

    /** The kamelet a {@code kamelet:} endpoint names: {@code kamelet:NAME/routeId?options} answers NAME. */
    static String kameletName(Endpoint endpoint) {
        String path = endpoint.path();
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
