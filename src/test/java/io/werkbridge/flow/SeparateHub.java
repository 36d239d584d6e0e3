package io.werkbridge.flow;

import io.werkbridge.WerkbridgeApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A hub of its own in the test JVM (beside the shared one of {@link HubTestSupport}): its own broker server id,
 * data directory (journal and H2) and destination URLs, so a test can stop and restart it.
 */
final class SeparateHub {

    private SeparateHub() {
    }

    static ConfigurableApplicationContext start(int serverId, Path data, String destinationsBaseUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.artemis.embedded.server-id=" + serverId,
                "--werkbridge.data-dir=" + data.toAbsolutePath(),
                "--werkbridge.destinations.shop.url=" + destinationsBaseUrl + "/shop/customers",
                "--werkbridge.destinations.portal.url=" + destinationsBaseUrl + "/portal/customers"));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(WerkbridgeApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext hub) {
        return ((WebServerApplicationContext) hub).getWebServer().getPort();
    }
}
