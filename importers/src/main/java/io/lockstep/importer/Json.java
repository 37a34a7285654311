package io.lockstep.importer;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;

/** JSON helpers for the twarc2 CSV cells and the API JSON lines. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(50_000_000).maxNestingDepth(200).build());
    }

    private Json() {
    }

    /** The text at a dotted path, or null when missing, null or blank (numbers are rendered as text). */
    static String text(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (n == null || n.isNull() || n.isMissingNode() || n.isContainerNode()) {
            return null;
        }
        return Cells.text(n.asText());
    }

    static JsonNode at(JsonNode node, String path) {
        JsonNode n = node;
        for (String part : path.split("\\.")) {
            if (n == null || !n.isObject()) {
                return null;
            }
            n = n.get(part);
        }
        return n;
    }

    static long count(JsonNode node, String path) {
        JsonNode n = at(node, path);
        if (n == null || n.isNull()) {
            return -1;
        }
        if (n.isNumber()) {
            return n.asLong();
        }
        return Cells.count(n.asText());
    }

    /** The time at {@code path}, or NO_TIME when missing or unparseable. */
    static long timeOrNone(JsonNode node, String path) {
        return Cells.timeOrNone(text(node, path));
    }

    /** The {@code field} of each object in the array at {@code path} (missing array → empty). */
    static List<String> eachAt(JsonNode node, String path, String... fields) {
        JsonNode arr = at(node, path);
        return fieldOfEach(arr, fields);
    }

    /** The first present field among {@code fields} of each object in {@code arr}. */
    static List<String> fieldOfEach(JsonNode arr, String... fields) {
        List<String> out = new ArrayList<>();
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode item : arr) {
            for (String f : fields) {
                String v = text(item, f);
                if (v != null) {
                    out.add(v);
                    break;
                }
            }
        }
        return out;
    }
}
