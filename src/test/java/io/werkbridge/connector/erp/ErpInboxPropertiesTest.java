package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.config.BindingFailures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

class ErpInboxPropertiesTest {

    @EnableConfigurationProperties(ErpInboxProperties.class)
    static class Binding {
    }

    private static final String[] ROUTE_SETTINGS = {"werkbridge.erp.inbox=/tmp/inbox", "werkbridge.erp.inbox-poll-interval=500",
            "werkbridge.erp.inbox-min-age=0"};

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theShippedConfigurationBindsTheInboxUnderTheDataFolderAndItsTimings() {
        context.withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues("WERKBRIDGE_DATA_DIR=/srv/werkbridge").run(c -> {
                    ErpInboxProperties erp = c.getBean(ErpInboxProperties.class);
                    assertThat(erp.inbox()).isEqualTo("/srv/werkbridge/erp-inbox");
                    assertThat(erp.inboxMaxFileSize()).isEqualTo(DataSize.ofMegabytes(10));
                    assertThat(erp.inboxPollInterval()).isEqualTo(1000L);
                    assertThat(erp.inboxMinAge()).isEqualTo(1000L);
                });
    }

    @Test
    void theFileSizeLimitDefaultsToTenMegabytes() {
        context.withPropertyValues(ROUTE_SETTINGS)
                .run(c -> assertThat(c.getBean(ErpInboxProperties.class).inboxMaxFileSize()).isEqualTo(DataSize.ofMegabytes(10)));
    }

    @Test
    void aPollIntervalOfZeroOrAnEmptySizeLimitIsRejectedAtStartup() {
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.erp.inbox-poll-interval=0")
                .run(c -> assertThat(BindingFailures.message(c))
                        .contains("werkbridge.erp.inbox-poll-interval").contains("must be greater than 0"));
        context.withPropertyValues(ROUTE_SETTINGS).withPropertyValues("werkbridge.erp.inbox-max-file-size=0B")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.erp.inbox-max-file-size"));
    }

    @Test
    void anInboxThatIsNotSetIsRejectedAtStartup() {
        context.withPropertyValues("werkbridge.erp.inbox-poll-interval=500", "werkbridge.erp.inbox-min-age=0")
                .run(c -> assertThat(BindingFailures.message(c)).contains("werkbridge.erp").contains("'inbox'")
                        .contains("must not be blank"));
    }
}
