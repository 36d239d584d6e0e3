package io.werkbridge.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the integration tests find the build's artefacts (set by failsafe in the pom) and keep their files. */
final class ItPaths {

    private ItPaths() {
    }

    /** The unpacked Apache Artemis distribution (maven-dependency-plugin, pre-integration-test). */
    static Path artemisHome() {
        return existing("werkbridge.it.artemis-home", "the Artemis distribution: run the ITs through ./mvnw verify");
    }

    /** The hub's executable jar (spring-boot repackage, package phase). */
    static Path hubJar() {
        return existing("werkbridge.it.hub-jar", "the hub jar: run the ITs through ./mvnw verify (package builds it)");
    }

    /** A fresh directory for one test's processes (logs, data). */
    static Path workDir(String name) {
        Path root = Path.of(System.getProperty("werkbridge.it.work-dir", "target/it"));
        try {
            return Files.createDirectories(root.resolve(name + "-" + System.currentTimeMillis())).toAbsolutePath();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path existing(String property, String what) {
        String value = System.getProperty(property);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("missing " + what + " (system property " + property + " = " + value + ")");
        }
        return Path.of(value).toAbsolutePath();
    }
}
