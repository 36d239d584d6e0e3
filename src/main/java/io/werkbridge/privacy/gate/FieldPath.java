package io.werkbridge.privacy.gate;

/**
 * A field's position in the body, kept as a chain of names and turned into text ({@code contacts[].email}) only
 * when a decision or an unclassified field must be reported.
 */
record FieldPath(FieldPath parent, String name, boolean element) {

    static final FieldPath ROOT = new FieldPath(null, "", false);

    FieldPath field(String child) {
        return new FieldPath(this, child, false);
    }

    FieldPath elements() {
        return new FieldPath(this, "[]", true);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return name;
        }
        String head = parent.toString();
        if (element) {
            return head + "[]";
        }
        return head.isEmpty() ? name : head + "." + name;
    }
}
