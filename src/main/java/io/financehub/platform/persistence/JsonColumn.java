package io.financehub.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.TreeMap;

/** String maps stored as JSON text columns. */
public final class JsonColumn {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private JsonColumn() {
    }

    public static String write(Map<String, String> map) {
        try {
            return map == null || map.isEmpty() ? null : MAPPER.writeValueAsString(new TreeMap<>(map));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serialisable: " + map, e);
        }
    }

    public static Map<String, String> read(String json) {
        try {
            return json == null ? Map.of() : MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + json, e);
        }
    }
}
