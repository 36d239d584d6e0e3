package io.werkbridge.privacy;

import io.werkbridge.privacy.gate.PrivacyGate;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyLoader;
import io.werkbridge.privacy.policy.PrivacyPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.springframework.core.io.DefaultResourceLoader;

/** Loads the shipped policy, or a copy of it with one file changed, for tests. */
public final class PolicyFixtures {

    public static final byte[] TEST_KEY = "unit-test-hash-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private PolicyFixtures() {
    }

    public static PrivacyPolicy shipped() {
        return new PolicyLoader(new DefaultResourceLoader()).load("classpath:config/privacy/");
    }

    public static PrivacyGate gate() {
        return new PrivacyGate(shipped(), new ValueOperators(TEST_KEY));
    }

    /** Copies the shipped policy into {@code dir}, rewriting {@code file} with {@code edit}; returns its location. */
    public static String copyWith(Path dir, String file, UnaryOperator<String> edit) {
        try {
            for (String name : new String[] {"taxonomy.yml", "classification.yml", "processors.yml", "destinations.yml"}) {
                String text = Files.readString(Path.of("config/privacy", name));
                Files.writeString(dir.resolve(name), name.equals(file) ? edit.apply(text) : text);
            }
            return dir.toUri() + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivacyPolicy load(String location) {
        return new PolicyLoader(new DefaultResourceLoader()).load(location);
    }
}
