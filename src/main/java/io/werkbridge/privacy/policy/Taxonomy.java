package io.werkbridge.privacy.policy;

import java.util.Map;

/** The data categories, keyed hierarchically ({@code master}, {@code master.name}). */
public record Taxonomy(Map<String, DataCategory> categories) {

    public Taxonomy {
        categories = Map.copyOf(categories);
    }

    public boolean contains(String key) {
        return categories.containsKey(key);
    }

    public boolean isPersonal(String key) {
        DataCategory category = categories.get(key);
        return category == null || category.personal();
    }

    public boolean isFreeText(String key) {
        DataCategory category = categories.get(key);
        return category != null && category.freeText();
    }

    /** Opaque content (photos, videos): passed whole or dropped, never read. */
    public boolean isContent(String key) {
        DataCategory category = categories.get(key);
        return category != null && category.content();
    }

    /** True when {@code key} is {@code ancestor} or lies below it. */
    public static boolean within(String key, String ancestor) {
        return key.equals(ancestor) || key.startsWith(ancestor + ".");
    }
}
