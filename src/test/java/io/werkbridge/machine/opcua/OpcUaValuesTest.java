package io.werkbridge.machine.opcua;

import static org.assertj.core.api.Assertions.assertThat;

import io.werkbridge.machine.SourceValue;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.junit.jupiter.api.Test;

class OpcUaValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private final OpcUaValues values = new OpcUaValues(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void opcUaTypesBecomePlainValues() {
        assertThat(OpcUaValues.plain("text")).isEqualTo("text");
        assertThat(OpcUaValues.plain(true)).isEqualTo(true);
        assertThat(OpcUaValues.plain(12.5)).isEqualTo(12.5);
        assertThat(OpcUaValues.plain(UInteger.valueOf(4_000_000_000L))).isEqualTo(4_000_000_000L);
        assertThat(OpcUaValues.plain(UByte.valueOf(255))).isEqualTo(255L);
        assertThat(OpcUaValues.plain(ULong.valueOf(new BigInteger("18446744073709551615")))).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(OpcUaValues.plain(LocalizedText.english("Spindle overload"))).isEqualTo("Spindle overload");
        assertThat(OpcUaValues.plain(new DateTime(Instant.parse("2026-11-20T10:15:00Z")))).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(OpcUaValues.plain(new QualifiedName(2, "State"))).isEqualTo("State");
        assertThat(OpcUaValues.plain(new NodeId(2, "Machine/State"))).isEqualTo("ns=2;s=Machine/State");
        assertThat(OpcUaValues.plain(ByteString.of(new byte[] {1, 2, 3}))).isEqualTo("AQID");
        assertThat(OpcUaValues.plain(new Integer[] {1, 2})).isEqualTo(List.of(1, 2));
        assertThat(OpcUaValues.plain(new double[] {1.5})).isEqualTo(List.of(1.5));
    }

    @Test
    void aValueIsDatedBySourceThenServerTimeThenNowAndBadStatusHasNoValue() {
        Instant source = Instant.parse("2026-11-20T10:00:00Z");
        Instant server = Instant.parse("2026-11-20T10:00:01Z");
        DataValue both = new DataValue(new Variant("RUNNING"), StatusCode.GOOD, new DateTime(source), new DateTime(server));
        assertThat(values.toSourceValue("ns=2;s=State", both)).isEqualTo(new SourceValue("ns=2;s=State", "RUNNING", source));
        DataValue serverOnly = new DataValue(new Variant(1), StatusCode.GOOD, null, new DateTime(server));
        assertThat(values.toSourceValue("n", serverOnly).timestamp()).isEqualTo(server);
        assertThat(values.toSourceValue("n", new DataValue(new Variant(1), StatusCode.GOOD, null, null)).timestamp()).isEqualTo(NOW);
        DataValue bad = new DataValue(new StatusCode(StatusCodes.Bad_NodeIdUnknown));
        assertThat(values.toSourceValue("n", bad)).isNull();
        assertThat(OpcUaValues.isGood(bad)).isFalse();
        assertThat(OpcUaValues.isGood(both)).isTrue();
    }
}
