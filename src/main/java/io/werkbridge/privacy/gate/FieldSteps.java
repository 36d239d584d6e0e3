package io.werkbridge.privacy.gate;

/**
 * A classification path ({@code contacts[].email}) split once: the field names, interned as Jackson interns the
 * names it parses (so a lookup mostly ends at an identity check), and which of them are arrays.
 */
record FieldSteps(String[] names, boolean[] arrays) {

    static FieldSteps of(String path) {
        String[] steps = path.split("\\.");
        boolean[] arrays = new boolean[steps.length];
        for (int i = 0; i < steps.length; i++) {
            arrays[i] = steps[i].endsWith("[]");
            steps[i] = (arrays[i] ? steps[i].substring(0, steps[i].length() - 2) : steps[i]).intern();
        }
        return new FieldSteps(steps, arrays);
    }
}
