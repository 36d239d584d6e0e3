package io.werkbridge.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A secret given as a value or as a mounted file (read again on renewal, so a rotated file takes effect). */
final class Secrets {

    /** A secret file larger than this is not a secret but a mistake. */
    private static final long MAX_FILE = 64 * 1024;

    private Secrets() {
    }

    static String resolve(String value, String file, String setting) {
        if (file == null || file.isBlank()) {
            return value;
        }
        Path path = Path.of(file.strip());
        try {
            if (Files.size(path) > MAX_FILE) {
                throw new IllegalStateException(setting + "-file is larger than " + MAX_FILE + " bytes");
            }
            // a mounted secret usually ends with a line break that is not part of it
            String secret = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(setting + "-file is empty");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException(setting + "-file cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
