package io.financehub.deployment;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A ConfigMap manifest holding files of the repository that live outside k8s/ (kustomize's default load restrictor
 * refuses {@code ../routes}): one key per file, its content as the value, written as YAML literal blocks so that a
 * diff of the manifest reads like a diff of the files.
 *
 * @param manifest where the manifest is committed
 * @param name     the ConfigMap's name
 * @param source   the folder the files come from
 * @param glob     which of its files
 */
record FolderConfigMap(Path manifest, String name, Path source, String glob) {

    static final String REGENERATE_PROPERTY = "k8s.regenerate";

    static final List<FolderConfigMap> ALL = List.of(
            new FolderConfigMap(Path.of("k8s/routes-configmap.yaml"), "hub-routes", Path.of("routes"), "*.camel.yaml"),
            new FolderConfigMap(Path.of("k8s/artemis-configmap.yaml"), "artemis-config", Path.of("docker/artemis"),
                    "broker-00.xml"));

    /** File name to content, for every file of the source folder that the glob matches. */
    Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(source)) {
            for (Path file : paths.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob)
                    .matches(p.getFileName())).toList()) {
                files.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The data of the committed manifest. */
    @SuppressWarnings("unchecked")
    Map<String, String> committedData() {
        return (Map<String, String>) YamlFiles.load(manifest).get("data");
    }

    String render() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "ConfigMap");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of("app.kubernetes.io/name", "finance-integration-hub"));
        doc.put("metadata", metadata);
        doc.put("data", files());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        Representer literalBlocks = new Representer(options) {
            @Override
            protected Node representScalar(Tag tag, String value, DumperOptions.ScalarStyle style) {
                return super.representScalar(tag, value, value.contains("\n") ? DumperOptions.ScalarStyle.LITERAL : style);
            }
        };
        return "# Generated from " + source + "/" + glob + " by FolderConfigMap (test sources): do not edit, regenerate with\n"
                + "#   " + regenerateCommand() + "\n"
                + new Yaml(literalBlocks, options).dump(doc);
    }

    void write() {
        try {
            Files.writeString(manifest, render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String regenerateCommand() {
        return "./mvnw -B -q test -Dtest=KubernetesManifestsTest -D" + REGENERATE_PROPERTY + "=true";
    }
}
