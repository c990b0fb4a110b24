package io.financehub.platform.routecheck;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Camel YAML DSL JSON schema that camel-yaml-dsl ships ({@code schema/camelYamlDsl.json}, draft-04; the one
 * Kaoto and the VS Code extension validate against): an unknown step ({@code logg:}), an unknown option
 * ({@code urix:}), a value of the wrong type. Each message names where in the file it is.
 */
final class SchemaCheck implements RouteCheck {

    static final String SCHEMA = "schema/camelYamlDsl.json";

    /** The entry an error is in: {@code $[3].route.from...} is in the file's fourth entry. */
    private static final Pattern ENTRY = Pattern.compile("^\\$\\[(\\d+)]");

    private static final Set<String> SUMMARIES = Set.of("oneOf", "anyOf", "type");

    private final JsonSchema schema;

    SchemaCheck(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath (camel-yaml-dsl)");
            }
            // the schema marks deprecated options with a keyword draft-04 does not define; it validates nothing
            JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                    .keyword(new NonValidationKeyword("deprecated")).build();
            schema = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                    .metaSchema(draft4).build().getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Finding> check(RouteDirectory routes) {
        List<Finding> findings = new ArrayList<>();
        for (RouteFile file : routes.files()) {
            List<RouteEntry> entries = file.entries();
            Set<ValidationMessage> errors = schema.validate(file.tree());
            Set<String> messages = new LinkedHashSet<>();
            for (ValidationMessage error : errors) {
                if (!isSummaryOfOthers(error, errors)) {
                    messages.add(error.getInstanceLocation() + "\u0000" + error.getMessage());
                }
            }
            for (String message : messages) {
                String location = message.substring(0, message.indexOf('\u0000'));
                String text = message.substring(message.indexOf('\u0000') + 1);
                findings.add(new Finding(file.name(), routeAt(entries, location), "schema: " + text));
            }
        }
        return findings;
    }

    /**
     * Where a step may be written in several shapes ({@code to: uri} or {@code to: {uri: ...}}) the schema also
     * reports that no shape fitted and that the short one was not used; the specific messages beside them
     * ({@code property 'urix' is not defined}) say what is wrong.
     */
    private static boolean isSummaryOfOthers(ValidationMessage error, Set<ValidationMessage> errors) {
        return SUMMARIES.contains(error.getType()) && errors.stream().anyMatch(other -> other != error
                && !SUMMARIES.contains(other.getType())
                && other.getInstanceLocation().toString().startsWith(error.getInstanceLocation().toString()));
    }

    private static String routeAt(List<RouteEntry> entries, String location) {
        Matcher entry = ENTRY.matcher(location);
        if (!entry.find()) {
            return null;
        }
        int index = Integer.parseInt(entry.group(1));
        return entries.stream().filter(e -> e.index() == index).findFirst().map(RouteEntry::label)
                .orElse("[" + index + "]");
    }
}
