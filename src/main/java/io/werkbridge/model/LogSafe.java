package io.werkbridge.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Renderings of outside input for logs. A header value may carry a newline that forges a log line; a file name may
 * carry a person's name. Header values are logged with control characters escaped and a length cap; file names only as
 * a short hash plus a harmless extension, enough to match a log line to a file an operator holds.
 */
public final class LogSafe {

    private static final int MAX_TEXT = 120;
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,8}");

    private LogSafe() {
    }

    /** "file 3f2a9c1e.xml": the first 8 hex digits of the name's SHA-256 and its extension if that is plain. */
    public static String fileName(String name) {
        if (name == null) {
            return "file (none)";
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return "file " + sha256(name).substring(0, 8) + (EXTENSION.matcher(extension).matches() ? "." + extension : "");
    }

    /** The value with control characters (and the line and paragraph separators) escaped, at most 120 characters. */
    public static String text(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length() && out.length() < MAX_TEXT; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() < MAX_TEXT || value.length() <= MAX_TEXT ? out.toString() : out + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
