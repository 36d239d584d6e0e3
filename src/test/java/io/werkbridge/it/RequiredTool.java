package io.werkbridge.it;

import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when a tool it needs (socat, chromedriver, a PostgreSQL server) is missing: on a developer's
 * machine it skips, saying which tool and how to get it; in CI ({@code CI=true}, as {@code .ci/run} runs) it fails,
 * so a green CI run has run every test.
 */
public final class RequiredTool {

    private final boolean ci;

    RequiredTool(boolean ci) {
        this.ci = ci;
    }

    /**
     * Returns when the tool is present; otherwise skips the test, or fails it when the environment has {@code CI=true}.
     *
     * @param what the tool and how to get it, e.g. {@code "socat at /usr/bin/socat (apt-get install socat)"}
     */
    public static void assumeOrFail(boolean present, String what) {
        new RequiredTool(inCi(System.getenv())).check(present, what);
    }

    static boolean inCi(Map<String, String> environment) {
        return "true".equalsIgnoreCase(environment.get("CI"));
    }

    void check(boolean present, String what) {
        if (present) {
            return;
        }
        if (ci) {
            Assertions.fail("missing " + what + ": with CI=true a missing tool fails the test (the README lists what the "
                    + "tests need; .ci/run provides it)");
        }
        Assumptions.abort("skipped, missing " + what + " (with CI=true this fails)");
    }
}
