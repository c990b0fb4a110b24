package io.financehub.platform.routecheck;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A route file that could be read: its name (as findings print it) and its YAML as a tree.
 */
record RouteFile(String name, JsonNode tree) {

    /** The file's top-level entries; none when the file is not a list of one-key maps (the schema says why). */
    List<RouteEntry> entries() {
        List<RouteEntry> entries = new ArrayList<>();
        if (!tree.isArray()) {
            return entries;
        }
        for (int i = 0; i < tree.size(); i++) {
            JsonNode entry = tree.get(i);
            if (entry.isObject() && entry.size() == 1) {
                Map.Entry<String, JsonNode> only = entry.properties().iterator().next();
                entries.add(RouteEntry.of(this, i, only.getKey(), only.getValue()));
            }
        }
        return entries;
    }
}
