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
 * @param scan         classified body paths whose text is free-form although their category is not ({@code scan}): each
 *                     text value below such a path is searched by the free-text PII finder, and a value with a finding
 *                     takes the given (personal, free-text) category instead of the path's own
 */
public record TypeClassification(@JsonProperty("key") String keyCategory, @JsonProperty("subjects") List<String> subjectPaths,
                                 Map<String, String> fields, @JsonProperty("scan") Map<String, String> scan) {

    public TypeClassification {
        subjectPaths = List.copyOf(subjectPaths);
        fields = Map.copyOf(fields);
        scan = scan == null ? Map.of() : Map.copyOf(scan);
    }

    public TypeClassification(String keyCategory, List<String> subjectPaths, Map<String, String> fields) {
        this(keyCategory, subjectPaths, fields, Map.of());
    }
}
