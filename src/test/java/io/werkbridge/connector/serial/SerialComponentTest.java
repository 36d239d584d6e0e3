package io.werkbridge.connector.serial;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The component in a plain Camel context (no Spring), on in-memory ports. */
class SerialComponentTest {

    private final CamelContext context = new DefaultCamelContext();
    private final FakeSerialLines lines = new FakeSerialLines().cable("/fake/a", "/fake/b");
    private final List<Exchange> atA = new CopyOnWriteArrayList<>();
    private final List<Exchange> atB = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void resolvesFromTheServicesFileWithItsOptions() {
        SerialEndpoint endpoint = context.getEndpoint(
                "serial:/dev/pts/3?baudRate=19200&parity=even&stopBits=2&flowControl=rtscts&framing=modbus-rtu"
                        + "&maxFrameLength=254&reconnectDelay=100&maxReconnectDelay=5000", SerialEndpoint.class);

        assertThat(context.getComponent("serial")).isInstanceOf(SerialComponent.class);
        SerialEndpointConfig config = endpoint.resolveConfig();
        assertThat(config.settings())
                .isEqualTo(new SerialSettings("/dev/pts/3", 19_200, 8, Parity.EVEN, 2, FlowControl.RTSCTS));
        assertThat(config.framing()).isEqualTo(Framing.MODBUS_RTU);
        assertThat(config.maxFrameLength()).isEqualTo(254);
        assertThat(config.reconnectDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(endpoint.getStatistics().connected()).isFalse();
    }

    @Test
    void defaultsAreNineThousandSixHundredEightNoneOneLineFraming() {
        SerialEndpointConfig config = context.getEndpoint("serial:/dev/ttyS0", SerialEndpoint.class).resolveConfig();

        assertThat(config.settings()).isEqualTo(new SerialSettings("/dev/ttyS0", 9600, 8, Parity.NONE, 1, FlowControl.NONE));
        assertThat(config.framing()).isEqualTo(Framing.LINE);
        assertThat(config.maxFrameLength()).isEqualTo(4096);
        assertThat(config.siemens3964R().ackTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.siemens3964R().charTimeout()).isEqualTo(Duration.ofMillis(220));
    }

    @ParameterizedTest
    @ValueSource(strings = {"framing=xml|framing=xml is not supported; use one of line, stx-etx, 3964r, modbus-rtu",
            "parity=mark|parity=mark is not supported", "stopBits=3|stopBits must be 1 or 2",
            "flowControl=dtr|flowControl=dtr", "dataBits=9|dataBits must be 5 to 8", "priority=top|priority=top",
            "maxFrameLength=0|maxFrameLength must be between 1", "reconnectDelay=0|reconnectDelay",
            "baudRate=-1|baudRate must be > 0", "nonsense=1|nonsense"})
    void rejectsBadOptionsNamingThem(String optionAndMessage) {
        String[] parts = optionAndMessage.split("\\|");

        assertThatThrownBy(() -> context.getEndpoint("serial:/dev/ttyS0?" + parts[0]))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasStackTraceContaining(parts[1]);
    }

    @Test
    void rejectsAMissingPath() {
        assertThatThrownBy(() -> context.getEndpoint("serial:")).isInstanceOf(ResolveEndpointFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"line", "stx-etx", "3964r", "modbus-rtu"})
    void carriesFramesBothWays(String framing) throws Exception {
        String options = "?framing=" + framing + "&baudRate=115200&ackTimeout=200&charTimeout=100";
        String a = "serial:/fake/a" + options + "&priority=high";
        String b = "serial:/fake/b" + options + "&priority=low";
        startRoutes(a, b);
        ProducerTemplate template = context.createProducerTemplate();

        for (int i = 0; i < 20; i++) {
            template.sendBody(a, "a-to-b " + i);
            template.sendBody(b, ("b-to-a " + i).getBytes(US_ASCII));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> atA.size() == 20 && atB.size() == 20);
        assertThat(bodies(atB)).first().isEqualTo("a-to-b 0");
        assertThat(bodies(atB)).last().isEqualTo("a-to-b 19");
        assertThat(bodies(atA)).doesNotHaveDuplicates().hasSize(20).last().isEqualTo("b-to-a 19");
        assertThat(atB.get(0).getMessage().getHeaders())
                .containsEntry(SerialConstants.FRAMING, framing)
                .containsEntry(SerialConstants.PORT, "/fake/b");
        SerialStatistics statistics = context.getEndpoint(a, SerialEndpoint.class).getStatistics();
        assertThat(statistics.framesOut()).isEqualTo(20);
        assertThat(statistics.framesIn()).isEqualTo(20);
        assertThat(statistics.connected()).isTrue();
    }

    @Test
    void failsTheExchangeWhenThe3964RPartnerNeverAcknowledges() throws Exception {
        String a = "serial:/fake/a?framing=3964r&ackTimeout=50&connectAttempts=3";
        startRoutes(a, null);

        assertThatThrownBy(() -> context.createProducerTemplate().sendBody(a, "unheard"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(SerialTransmissionException.class)
                .hasMessageContaining("3964R connection failed after 3 STX attempts")
                .hasMessageNotContaining("unheard");
    }

    @Test
    void failsTheExchangeForABodyTheFramingCannotCarry() throws Exception {
        String a = "serial:/fake/a?framing=line";
        startRoutes(a, null);

        assertThatThrownBy(() -> context.createProducerTemplate().sendBody(a, "two\nlines"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LF");
        assertThat(context.getEndpoint(a, SerialEndpoint.class).getStatistics().sendFailures()).isEqualTo(1);
    }

    @Test
    void aPortHasOneConsumer() {
        assertThatThrownBy(() -> {
            context.getComponent("serial", SerialComponent.class).setLinkFactory(lines);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("serial:/fake/a").routeId("first").to("log:first");
                    from("serial:/fake/a").routeId("second").to("log:second");
                }
            });
            context.start();
        }).hasStackTraceContaining("Multiple consumers for the same endpoint is not allowed");
    }

    private void startRoutes(String a, String b) throws Exception {
        context.getComponent("serial", SerialComponent.class).setLinkFactory(lines);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(a).process(atA::add);
                if (b != null) {
                    from(b).process(atB::add);
                }
            }
        });
        context.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> context.getEndpoint(a, SerialEndpoint.class)
                .getStatistics().connected() && (b == null || context.getEndpoint(b, SerialEndpoint.class)
                .getStatistics().connected()));
    }

    private static List<String> bodies(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> new String(e.getMessage().getBody(byte[].class), US_ASCII)).toList();
    }
}
