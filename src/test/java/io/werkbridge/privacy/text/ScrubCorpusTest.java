package io.werkbridge.privacy.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the scanner over the two corpus files in {@code src/test/resources/privacy/}: every true
 * positive must come out exactly as expected, every technical string byte for byte as it went in.
 */
class ScrubCorpusTest {

    private static final List<String> SURVIVOR_NAMES = List.of("Erika", "Mustermann", "E", "X");

    private final PiiTextScanner scanner = new PiiTextScanner();

    @ParameterizedTest(name = "{0}")
    @MethodSource("truePositives")
    void replacesPersonalDataWithItsMarker(String input, List<String> names, String expected) {
        assertThat(scanner.scrub(input, names)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mustSurvive")
    void leavesTechnicalStringsUntouched(String input) {
        assertThat(scanner.find(input, SURVIVOR_NAMES)).isEmpty();
        assertThat(scanner.scrub(input, SURVIVOR_NAMES)).isSameAs(input);
    }

    static Stream<Arguments> truePositives() {
        return cases("privacy/scrub-true-positives.txt").stream().map(line -> {
            String[] inputAndExpected = line.split(" => ", 2);
            if (inputAndExpected.length != 2) {
                throw new IllegalStateException("true-positive case without ' => ': " + line);
            }
            String[] inputAndNames = inputAndExpected[0].split(" ;; names=", 2);
            List<String> names = inputAndNames.length == 2
                    ? Arrays.asList(inputAndNames[1].split(","))
                    : List.of();
            return Arguments.of(inputAndNames[0], names, inputAndExpected[1]);
        });
    }

    static Stream<String> mustSurvive() {
        return cases("privacy/scrub-must-survive.txt").stream();
    }

    private static List<String> cases(String resource) {
        InputStream in = ScrubCorpusTest.class.getClassLoader().getResourceAsStream(resource);
        Objects.requireNonNull(in, "test resource missing: " + resource);
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return lines;
    }
}
