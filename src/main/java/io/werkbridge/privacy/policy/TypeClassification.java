package io.werkbridge.privacy.policy;

import java.util.List;
import java.util.Map;

/**
 * Field classification of one canonical type: body path → category. Paths use dots for objects and {@code []} for
 * array elements ({@code contacts[].email}); a path naming an object classifies its whole subtree.
 *
 * @param keyCategory category of the envelope key
 * @param subjectPaths body paths whose values identify data subjects (recorded in the disclosure log)
 */
public record TypeClassification(String keyCategory, List<String> subjectPaths, Map<String, String> fields) {

    public TypeClassification {
        subjectPaths = List.copyOf(subjectPaths);
        fields = Map.copyOf(fields);
    }
}
