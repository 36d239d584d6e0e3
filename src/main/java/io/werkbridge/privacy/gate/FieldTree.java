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
    /** The index of the party this field belongs to in the type's party list, or -1. */
    private int party = -1;
    private int personCategory = -1;
    private int scanCategory = -1;

    /**
     * @param indexOf the gate's number of each category, so the walk looks actions up in an array
     */
    static FieldTree of(TypeClassification classification, ToIntFunction<String> indexOf) {
        FieldTree root = new FieldTree();
        classification.fields().forEach((path, category) -> root.node(path).category = indexOf.applyAsInt(category));
        classification.scan().forEach((path, category) -> root.node(path).scanCategory = indexOf.applyAsInt(category));
        for (int p = 0; p < classification.parties().size(); p++) {
            int party = p;
            classification.parties().get(p).asPerson().forEach((path, category) -> {
                FieldTree node = root.node(path); // a classified field: the policy validator made sure
                node.party = party;
                node.personCategory = indexOf.applyAsInt(category);
            });
        }
        return root;
    }

    private FieldTree node(String path) {
        FieldTree node = this;
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
        return node;
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
     * The category of this node when the parties marked in {@code persons} are treated as natural persons: the
     * party's {@code asPerson} category for a field of such a party, else {@link #category()}.
     */
    int category(boolean[] persons) {
        return party >= 0 && persons[party] ? personCategory : category;
    }

    /**
     * The gate's number of the category a text value of this node's subtree takes when the free-text finder flags
     * it, or -1 when the subtree is not scanned.
     */
    int scanCategory() {
        return scanCategory;
    }
}
