package io.werkbridge.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequiredToolTest {

    private static final String SOCAT = "socat at /usr/bin/socat (apt-get install socat)";

    @Test
    void aMissingToolFailsTheTestInCi() {
        assertThatThrownBy(() -> new RequiredTool(true).check(false, SOCAT))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("missing " + SOCAT)
                .hasMessageContaining("CI=true");
    }

    @Test
    void aMissingToolSkipsTheTestOutsideCiSayingWhich() {
        assertThatThrownBy(() -> new RequiredTool(false).check(false, SOCAT))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("missing " + SOCAT);
    }

    @Test
    void aPresentToolLetsTheTestRunInCiAndOutside() {
        assertThatCode(() -> new RequiredTool(true).check(true, SOCAT)).doesNotThrowAnyException();
        assertThatCode(() -> new RequiredTool(false).check(true, SOCAT)).doesNotThrowAnyException();
    }

    @Test
    void ciMeansTheVariableCiIsTrue() {
        assertThat(RequiredTool.inCi(Map.of("CI", "true"))).isTrue();
        assertThat(RequiredTool.inCi(Map.of("CI", "TRUE"))).isTrue();
        assertThat(RequiredTool.inCi(Map.of("CI", "false"))).isFalse();
        assertThat(RequiredTool.inCi(Map.of())).isFalse();
    }
}
