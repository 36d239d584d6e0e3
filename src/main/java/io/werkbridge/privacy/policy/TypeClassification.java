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
 * @param parties the type's party objects, whose fields take other categories when the party is a natural person
 * @param scan classified body paths whose text is free-form although their category is not ({@code scan}): each
 *             text value below such a path is searched by the free-text PII finder, and a value with a finding takes
 *             the given (personal, free-text) category instead of the path's own
 */
public record TypeClassification(@JsonProperty("key") String keyCategory, @JsonProperty("subjects") List<String> subjectPaths,
                                 Map<String, String> fields, List<Party> parties, @JsonProperty("scan") Map<String, String> scan) {

    public TypeClassification {
        subjectPaths = List.copyOf(subjectPaths);
        fields = Map.copyOf(fields);
        parties = parties == null ? List.of() : List.copyOf(parties);
        scan = scan == null ? Map.of() : Map.copyOf(scan);
    }

    public TypeClassification(String keyCategory, List<String> subjectPaths, Map<String, String> fields) {
        this(keyCategory, subjectPaths, fields, List.of(), Map.of());
    }

    /**
     * A party of the message (a customer, a bill-to party) that may be a company or a natural person, such as a sole
     * trader. When it is a person, or its kind is unknown and the destination does not say to treat unknown parties
     * as organizations, its fields in {@code asPerson} take the categories named there instead of those in
     * {@code fields}.
     *
     * @param object body path of the party object, e.g. {@code company}
     * @param kind body path of the field holding its kind ({@code organization}, {@code person}, {@code unknown});
     *             null when the message never says, which makes the party always unknown
     * @param asPerson body path → category when the party is a person
     */
    public record Party(String object, String kind, Map<String, String> asPerson) {

        public Party {
            asPerson = Map.copyOf(asPerson);
        }

        /** True when {@code path} is the party object or lies inside it. */
        public boolean covers(String path) {
            return path.equals(object) || path.startsWith(object + ".") || path.startsWith(object + "[]");
        }
    }
}
