package io.werkbridge.connector.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a slave or the network sends, the master's codec answers with data or a checked error: never an
 * unchecked exception, never more bytes read than one frame may have.
 */
class ModbusCodecProperties {

    @Provide
    Arbitrary<ReadRequest> requests() {
        return Combinators.combine(Arbitraries.integers().between(1, 247),
                Arbitraries.of(ModbusFunction.class), Arbitraries.integers().between(0, 65535),
                Arbitraries.integers().between(1, 2000)).as((unit, function, address, count) -> {
                    int n = Math.min(count, Math.min(function.maxCount(), 65536 - address));
                    return new ReadRequest(unit, function, address, n);
                });
    }

    @Property
    void aResponseGivesDataOrACheckedError(@ForAll("requests") ReadRequest request,
                                           @ForAll @Size(max = 300) byte[] response) {
        Throwable thrown = catchThrowable(() -> ModbusPdu.data(request, response));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ModbusException.class));
    }

    /** A response built from the request with random data is read back as that data. */
    @Property
    void aWellFormedResponseRoundTrips(@ForAll("requests") ReadRequest request, @ForAll long seed) throws Exception {
        int n = request.function().dataBytes(request.count());
        byte[] response = new byte[2 + n];
        response[0] = (byte) request.function().code();
        response[1] = (byte) n;
        new java.util.Random(seed).nextBytes(response);
        response[0] = (byte) request.function().code();
        response[1] = (byte) n;
        byte[] data = ModbusPdu.data(request, response);
        assertThat(data).hasSize(n).isEqualTo(java.util.Arrays.copyOfRange(response, 2, response.length));
    }

    @Property
    void anMbapStreamGivesAFrameOrACheckedErrorAndReadsOneFrameAtMost(@ForAll @Size(max = 600) byte[] stream) {
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        Throwable thrown = catchThrowable(() -> Mbap.read(in));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOfAny(ModbusException.class, IOException.class));
        assertThat(stream.length - in.available()).isLessThanOrEqualTo(Mbap.HEADER_LENGTH + ModbusPdu.MAX_LENGTH);
    }

    @Property
    void anMbapFrameRoundTrips(@ForAll @IntRange(max = 65535) int transactionId, @ForAll @IntRange(max = 255) int unit,
                               @ForAll @Size(min = 1, max = 253) byte[] pdu) throws Exception {
        Mbap.Frame frame = Mbap.read(new ByteArrayInputStream(Mbap.encode(transactionId, unit, pdu)));
        assertThat(frame.transactionId()).isEqualTo(transactionId);
        assertThat(frame.unitId()).isEqualTo(unit);
        assertThat(frame.pdu()).isEqualTo(pdu);
    }

    @Property
    void anyRegisterContentDecodes(@ForAll @Size(2) byte[] first, @ForAll @Size(2) byte[] second,
                                   @ForAll ModbusDataType type, @ForAll WordOrder bytes, @ForAll WordOrder words) {
        byte[] data = type.registers() == 1 ? first : new byte[] {first[0], first[1], second[0], second[1]};
        Object value = RegisterValues.decode(data, type, bytes, words, type == ModbusDataType.STRING
                || type == ModbusDataType.BOOL ? null : new BigDecimal("0.1"));
        if (type != ModbusDataType.FLOAT32) {
            assertThat(value).isNotNull();
        }
    }

    /** The test slave's bitwise CRC (the specification's algorithm) and the hub's table CRC agree on any bytes. */
    @Property
    void bitwiseAndTableCrcAgree(@ForAll @Size(max = 256) byte[] bytes) {
        assertThat(SimulatedModbusSlave.crc(bytes, bytes.length))
                .isEqualTo(io.werkbridge.connector.serial.codec.Crc16Modbus.compute(bytes, 0, bytes.length));
    }

    /** int32 in either word order is the same number once the registers are swapped back. */
    @Property
    void wordOrderSwapsRegisters(@ForAll int number) {
        byte[] big = java.nio.ByteBuffer.allocate(4).putInt(number).array();
        byte[] little = {big[2], big[3], big[0], big[1]};
        assertThat(RegisterValues.decode(big, ModbusDataType.INT32, WordOrder.BIG, WordOrder.BIG, null))
                .isEqualTo((long) number);
        assertThat(RegisterValues.decode(little, ModbusDataType.INT32, WordOrder.BIG, WordOrder.LITTLE, null))
                .isEqualTo((long) number);
    }
}
