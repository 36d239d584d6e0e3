package io.werkbridge.privacy.policy;

import io.werkbridge.model.EntityType;
import io.werkbridge.model.PersonalPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Taxonomy and classification agree on what is personal: a field that holds a person's data never travels under a
 * non-personal category (those have no action by default and reach every destination).
 * <ul>
 *   <li>a category under a personal parent is personal (a child cannot be less personal than what it details);</li>
 *   <li>the paths a type names as its data subjects are classified with personal categories;</li>
 *   <li>every path the canonical model marks {@link io.werkbridge.model.PersonalData} (and everything below it) is
 *       classified with a personal category.</li>
 * </ul>
 */
final class PersonalDataCheck {

    private PersonalDataCheck() {
    }

    static void check(Taxonomy taxonomy, Map<String, TypeClassification> classification, List<String> problems) {
        new TreeMap<>(taxonomy.categories()).values().forEach(c -> {
            for (String parent = c.parentKey(); parent != null; parent = parentOf(parent)) {
                if (!c.personal() && taxonomy.contains(parent) && taxonomy.categories().get(parent).personal()) {
                    problems.add(PolicyLoader.TAXONOMY + ": category '" + c.key() + "' is non-personal under the personal category '"
                            + parent + "': a detail of personal data is personal; mark it personal or move it");
                    return;
                }
            }
        });
        new TreeMap<>(classification).forEach((type, c) -> {
            String where = PolicyLoader.CLASSIFICATION + ": type '" + type + "'";
            c.subjectPaths().forEach(subject -> categoryOf(c, subject)
                    .filter(category -> taxonomy.contains(category) && !taxonomy.isPersonal(category))
                    .ifPresent(category -> problems.add(where + " subject '" + subject + "' is classified '" + category
                            + "', which the taxonomy marks non-personal; a data subject's identifier is personal")));
            personalPaths(type).forEach(personal -> new TreeMap<>(c.fields()).forEach((field, category) -> {
                if (overlaps(field, personal) && taxonomy.contains(category) && !taxonomy.isPersonal(category)) {
                    problems.add(where + " field '" + field + "' is classified '" + category + "', which the taxonomy marks "
                            + "non-personal, but the canonical model marks '" + personal + "' as personal data");
                }
            }));
        });
    }

    /** The model's personal paths of a type; a classification type the model does not know has none. */
    private static Set<String> personalPaths(String type) {
        try {
            return PersonalPaths.of(EntityType.fromId(type));
        } catch (IllegalArgumentException unknownType) {
            return Set.of();
        }
    }

    /** The category that classifies {@code path}: its own entry, or the entry of the nearest object above it. */
    private static Optional<String> categoryOf(TypeClassification c, String path) {
        for (String at = path; at != null; at = parentPath(at)) {
            String category = c.fields().get(at);
            if (category != null) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    /** A classified field covers the personal path (it classifies a subtree holding it) or lies inside it. */
    private static boolean overlaps(String field, String personal) {
        return within(field, personal) || within(personal, field);
    }

    private static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[].");
    }

    /** {@code contacts[].id} → {@code contacts[]} → {@code contacts} → none. */
    private static String parentPath(String path) {
        if (path.endsWith("[]")) {
            return path.substring(0, path.length() - 2);
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }

    private static String parentOf(String key) {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }
}
