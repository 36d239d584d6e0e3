package io.werkbridge.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.werkbridge.privacy.gate.PolicyStore;
import io.werkbridge.privacy.gate.PolicyWatcher;
import io.werkbridge.privacy.gate.SubjectRestrictions;
import io.werkbridge.privacy.gate.ValueOperators;
import io.werkbridge.privacy.policy.PolicyException;
import io.werkbridge.privacy.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Reload on demand and on file change; a bad reload keeps the last good policy and says why. */
class PolicyReloadTest {

    @TempDir
    Path dir;

    private PolicyStore store(String location) {
        return new PolicyStore(new PolicyLoader(new DefaultResourceLoader()), location,
                new ValueOperators(PolicyFixtures.TEST_KEY), SubjectRestrictions.NONE, Clock.systemUTC());
    }

    @Test
    void badReloadKeepsTheLastGoodPolicyAndReportsItsProblems() throws Exception {
        PolicyStore store = store(PolicyFixtures.copyWith(dir, "destinations.yml", text -> text));
        String version = store.policy().version();
        Files.writeString(dir.resolve("destinations.yml"), Files.readString(dir.resolve("destinations.yml"))
                .replace("communication.email: allow\n      communication.phone", "communication.email: shout\n      communication.phone"));
        assertThatThrownBy(store::reload).isInstanceOf(PolicyException.class);
        assertThat(store.policy().version()).isEqualTo(version);
        assertThat(store.status().lastReloadRejected()).isTrue();
        assertThat(store.status().lastProblems()).anySatisfy(p -> assertThat(p).contains("unknown action 'shout'"));
        assertThat(store.gate().filter("shop", FailClosedTestData.customer()).sent()).contains("communication.email");
    }

    @Test
    void changedFilesAreReloadedByTheWatcher() throws Exception {
        PolicyStore store = store(PolicyFixtures.copyWith(dir, "destinations.yml", text -> text));
        String version = store.policy().version();
        try (PolicyWatcher watcher = new PolicyWatcher(store)) {
            assertThat(watcher.watching()).isTrue();
            Files.writeString(dir.resolve("destinations.yml"), Files.readString(dir.resolve("destinations.yml"))
                    .replace("communication.email: allow\n      communication.phone", "communication.email: drop\n      communication.phone"));
            await().atMost(Duration.ofSeconds(15)).until(() -> !store.policy().version().equals(version));
            assertThat(store.gate().filter("shop", FailClosedTestData.customer()).dropped()).contains("communication.email");
            assertThat(store.status().lastReloadRejected()).isFalse();
        }
    }

    @Test
    void classpathLocationIsNotWatched() throws Exception {
        try (PolicyWatcher watcher = new PolicyWatcher(store("classpath:config/privacy/"))) {
            assertThat(watcher.watching()).isFalse();
        }
    }
}
