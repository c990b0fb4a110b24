package io.financehub.deployment;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads Kubernetes manifests into fabric8's typed model as strictly as the API server's strict field validation
 * ({@code kubectl apply --validate=strict}) would: an unknown or misspelt field at any depth, a string where a
 * number belongs (or the other way round), an API version or kind the model does not know, or a key given twice
 * is an error naming it.
 *
 * <p>fabric8's classes catch every unknown field in an {@code additionalProperties} map through {@code
 * @JsonAnySetter}, so Jackson's FAIL_ON_UNKNOWN_PROPERTIES alone never fires; this reader's annotation introspector
 * ignores those any-setters, which turns each unknown field into an error with its path.
 */
final class StrictKubernetesReader {

    /** The API types the manifests may use, by "apiVersion kind" (derived from the classes, so no typo can hide). */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Stream.of(ConfigMap.class, Secret.class,
                    Service.class, Deployment.class, StatefulSet.class, HorizontalPodAutoscaler.class,
                    PodDisruptionBudget.class, NetworkPolicy.class, ServiceMonitor.class, PrometheusRule.class)
            .collect(Collectors.toMap(type -> HasMetadata.getApiVersion(type) + " " + HasMetadata.getKind(type),
                    Function.identity()));

    private final JsonMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "2" is no integer and 1048576 no string to the API server
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** Every document of a manifest file. */
    List<HasMetadata> readAll(Path file) {
        try {
            List<HasMetadata> resources = new ArrayList<>();
            int index = 0;
            for (Object doc : yaml().loadAll(Files.readString(file))) {
                index++;
                if (doc != null) {
                    resources.add(read(doc, file + " document " + index));
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One manifest given as YAML text. */
    HasMetadata read(String yaml) {
        return read(yaml().load(yaml), "manifest");
    }

    private HasMetadata read(Object doc, String where) {
        if (!(doc instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(where + ": not a mapping");
        }
        String type = fields.get("apiVersion") + " " + fields.get("kind");
        Class<? extends HasMetadata> target = TYPES.get(type);
        if (target == null) {
            throw new IllegalArgumentException(where + ": " + type + " is none of the known API types " + TYPES.keySet());
        }
        try {
            return mapper.convertValue(doc, target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " (" + type + "): " + e.getMessage(), e);
        }
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }
}
