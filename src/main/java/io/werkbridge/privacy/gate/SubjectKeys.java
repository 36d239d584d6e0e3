package io.werkbridge.privacy.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who a value belongs to. A classification's subject paths are of two kinds: a top-level field (the customer number)
 * names the record's owner; a path nested in an object or array ({@code contacts[].id}, {@code technician.id}) names
 * the person whose data that object holds. A person's key is {@code owner/person}, so a contact or technician is
 * one data subject among the customer's, and the customer's own key never matches a person's data.
 */
public final class SubjectKeys {

    /** Customer numbers and person ids are letters, digits and '-': the separator cannot occur in either. */
    public static final String SEPARATOR = "/";

    private SubjectKeys() {
    }

    /** The key of a person of an owner, or the owner's key when there is no person (or the person's alone). */
    public static String of(String owner, String person) {
        if (person == null) {
            return owner;
        }
        return owner == null ? person : owner + SEPARATOR + person;
    }

    /** The subjects of one message: the owners' keys, and per object that holds a person's data, that person's keys. */
    record Found(Set<String> owners, Map<JsonNode, Set<String>> persons) {

        /** Every key of the message: the owners and every person. */
        Set<String> all() {
            Set<String> all = new LinkedHashSet<>(owners);
            persons.values().forEach(all::addAll);
            return all;
        }
    }

    /** Splits subject paths into owners (top-level fields) and persons (nested), reading the body before it is filtered. */
    static Found find(JsonNode body, List<FieldSteps> paths) {
        Set<String> owners = new LinkedHashSet<>();
        for (FieldSteps path : paths) {
            if (path.names().length == 1 && !path.arrays()[0]) {
                JsonNode value = body.path(path.names()[0]);
                if (value.isValueNode() && !value.asText().isEmpty()) {
                    owners.add(value.asText());
                }
            }
        }
        Map<JsonNode, Set<String>> persons = new IdentityHashMap<>();
        for (FieldSteps path : paths) {
            if (path.names().length > 1 || path.arrays()[0]) {
                holders(body, path, 0, owners, persons);
            }
        }
        return new Found(owners, persons);
    }

    /** Walks to the objects that hold the person's id (all steps but the last) and keys each by that id. */
    private static void holders(JsonNode node, FieldSteps path, int index, Set<String> owners, Map<JsonNode, Set<String>> persons) {
        int last = path.names().length - 1;
        if (index == last) {
            JsonNode id = node.path(path.names()[last]);
            if (node.isObject() && id.isValueNode() && !id.asText().isEmpty()) {
                Set<String> keys = new LinkedHashSet<>();
                if (owners.isEmpty()) {
                    keys.add(id.asText());
                }
                owners.forEach(owner -> keys.add(of(owner, id.asText())));
                persons.computeIfAbsent(node, n -> new LinkedHashSet<>()).addAll(keys);
            }
            return;
        }
        JsonNode next = node.path(path.names()[index]);
        if (path.arrays()[index]) {
            for (JsonNode element : next) {
                holders(element, path, index + 1, owners, persons);
            }
        } else if (!next.isMissingNode()) {
            holders(next, path, index + 1, owners, persons);
        }
    }
}
