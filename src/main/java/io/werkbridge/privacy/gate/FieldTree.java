package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.TypeClassification;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The classification of one type as a tree of field names, so the gate walks a message and its classification
 * side by side instead of building and hashing a path string for every field. {@code []} steps lead to the
 * element node of an array.
 */
final class FieldTree {

    private final Map<String, FieldTree> children = new HashMap<>();
    private FieldTree element;
    private int category = -1;
    private int scanCategory = -1;

    /**
     * @param indexOf the gate's number of each category, so the walk looks actions up in an array
     */
    static FieldTree of(TypeClassification classification, ToIntFunction<String> indexOf) {
        FieldTree root = new FieldTree();
        classification.fields().forEach((path, category) -> {
            FieldTree node = root;
            FieldSteps steps = FieldSteps.of(path);
            for (int i = 0; i < steps.names().length; i++) {
                node = node.children.computeIfAbsent(steps.names()[i], k -> new FieldTree());
                if (steps.arrays()[i]) {
                    if (node.element == null) {
                        node.element = new FieldTree();
                    }
                    node = node.element;
                }
            }
            node.category = indexOf.applyAsInt(category);
            String scan = classification.scan().get(path);
            if (scan != null) {
                node.scanCategory = indexOf.applyAsInt(scan);
            }
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

    /** The gate's number of the category classifying this node's whole subtree, or -1 when there is none. */
    int category() {
        return category;
    }

    /**
     * The gate's number of the category a text value of this node's subtree takes when the free-text finder flags
     * it, or -1 when the subtree is not scanned.
     */
    int scanCategory() {
        return scanCategory;
    }
}
