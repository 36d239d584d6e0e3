package io.werkbridge.privacy;

import java.util.HashMap;
import java.util.Map;

/**
 * The classification of one type as a tree of field names, so the gate walks a message and its classification
 * side by side instead of building and hashing a path string for every field. {@code []} steps lead to the
 * element node of an array.
 */
final class FieldTree {

    private final Map<String, FieldTree> children = new HashMap<>();
    private FieldTree element;
    private String category;

    static FieldTree of(TypeClassification classification) {
        FieldTree root = new FieldTree();
        classification.fields().forEach((path, category) -> {
            FieldTree node = root;
            for (String step : path.split("\\.")) {
                boolean array = step.endsWith("[]");
                node = node.children.computeIfAbsent(array ? step.substring(0, step.length() - 2) : step, k -> new FieldTree());
                if (array) {
                    if (node.element == null) {
                        node.element = new FieldTree();
                    }
                    node = node.element;
                }
            }
            node.category = category;
        });
        return root;
    }

    /** The node of a field below this one, or null when nothing below it is classified. */
    FieldTree child(String name) {
        return children.get(name);
    }

    /** The node of this array's elements, or null. */
    FieldTree element() {
        return element;
    }

    /** The category classifying this node's whole subtree, or null. */
    String category() {
        return category;
    }
}
