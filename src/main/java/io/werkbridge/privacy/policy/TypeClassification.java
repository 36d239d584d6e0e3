package io.werkbridge.privacy.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Field classification of one canonical type: body path → category. Paths use dots for objects and {@code []} for
 * array elements ({@code contacts[].email}); a path naming an object classifies its whole subtree.
 *
 * @param keyCategory category of the envelope key ({@code key} in classification.yml)
 * @param subjectPaths body paths whose values identify data subjects, recorded in the disclosure log ({@code subjects})
 */
public record TypeClassification(@JsonProperty("key") String keyCategory, @JsonProperty("subjects") List<String> subjectPaths,
                                 Map<String, String> fields) {

    public TypeClassification {
        subjectPaths = List.copyOf(subjectPaths);
        fields = Map.copyOf(fields);
    }
}
