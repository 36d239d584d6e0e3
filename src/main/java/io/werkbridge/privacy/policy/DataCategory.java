package io.werkbridge.privacy.policy;

/**
 * One data category of the taxonomy, e.g. {@code communication.email}; personal or not. A free-text category
 * ({@code freeText: true}) may carry any personal value inside its text, so a processor may receive it only
 * scrubbed, hashed, tokenized or not at all. A content category ({@code content: true}: a photo's or video's bytes)
 * is never inspected: a destination may only allow or drop it.
 */
public record DataCategory(String key, boolean personal, boolean freeText, boolean content, String description) {

    /** The parent key ({@code communication} for {@code communication.email}), or null at the top. */
    public String parentKey() {
        int dot = key.lastIndexOf('.');
        return dot < 0 ? null : key.substring(0, dot);
    }
}
