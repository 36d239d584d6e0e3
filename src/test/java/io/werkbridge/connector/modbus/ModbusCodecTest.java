package io.werkbridge.connector.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.serial.codec.ModbusRtuEncoder;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.math.BigDecimal;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests, responses, exception responses and MBAP frames against the examples of the Modbus specifications. */
class ModbusCodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final ReadRequest HOLDING = new ReadRequest(0x11, ModbusFunction.READ_HOLDING_REGISTERS, 0x6B, 3);

    @Test
    void aReadRequestOnTheSerialLineIsTheSpecificationsFrame() {
        // Modbus over serial line V1.02, 6.2.2 / Application Protocol 6.3: unit 0x11 reads 3 registers from 0x6B
        assertThat(HEX.formatHex(HOLDING.pdu())).isEqualTo("03 00 6b 00 03");
        byte[] payload = new byte[] {0x11, 0x03, 0x00, 0x6B, 0x00, 0x03};
        assertThat(HEX.formatHex(new ModbusRtuEncoder(254).encode(payload))).isEqualTo("11 03 00 6b 00 03 76 87");
    }

    @Test
    void theTestSlavesCrcHasTheCheckValue() {
        assertThat(SimulatedModbusSlave.crc("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 9))
                .isEqualTo(0x4B37);
    }

    @Test
    void registersOfAResponse() throws ModbusException {
        byte[] data = ModbusPdu.data(HOLDING, HEX.parseHex("03 06 02 2b 00 00 00 64"));
        assertThat(ModbusPdu.registers(data)).containsExactly(555, 0, 100);
    }

    @Test
    void coilsOfAResponse() throws ModbusException {
        // Application Protocol 6.1: coils 20-38, answer CD 6B 05
        ReadRequest coils = new ReadRequest(1, ModbusFunction.READ_COILS, 19, 19);
        byte[] data = ModbusPdu.data(coils, HEX.parseHex("01 03 cd 6b 05"));
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < 19; i++) {
            bits.append(ModbusPdu.bit(data, i) ? '1' : '0');
        }
        assertThat(bits).hasToString("1011001111010110101");
    }

    @Test
    void anExceptionResponseNamesItsCodeAndTheRequestNeverData() {
        assertThatThrownBy(() -> ModbusPdu.data(HOLDING, HEX.parseHex("83 02")))
                .isInstanceOfSatisfying(ModbusException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ModbusException.Kind.EXCEPTION_RESPONSE);
                    assertThat(e.exceptionCode()).isEqualTo(2);
                })
                .hasMessage("unit 17, function 03, address 107-109: exception response 02 (illegal data address)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty response",
        "83|exception response of 1 bytes, expected 2",
        "83 02 00|exception response of 3 bytes, expected 2",
        "04 06 02 2b 00 00 00 64|response with function 04",
        "03 04 02 2b 00 00|response of 6 bytes, expected 8 with byte count 6",
        "03 06 02 2b 00 00 00|response of 7 bytes, expected 8 with byte count 6",
        "03 06 02 2b 00 00 00 64 00|response of 9 bytes, expected 8 with byte count 6",
        "03|response of 1 bytes, expected 8 with byte count 6"})
    void anAnswerThatDoesNotFitTheRequestIsAProtocolError(String response, String message) {
        assertThatThrownBy(() -> ModbusPdu.data(HOLDING, HEX.parseHex(response)))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModbusException.Kind.PROTOCOL))
                .hasMessage("unit 17, function 03, address 107-109: " + message);
    }

    @Test
    void requestsStayWithinTheProtocolsLimits() {
        assertThatThrownBy(() -> new ReadRequest(1, ModbusFunction.READ_INPUT_REGISTERS, 0, 126))
                .hasMessageContaining("count must be 1 to 125");
        assertThatThrownBy(() -> new ReadRequest(1, ModbusFunction.READ_HOLDING_REGISTERS, 65535, 2))
                .hasMessageContaining("end at address 65535");
        assertThat(new ReadRequest(1, ModbusFunction.READ_DISCRETE_INPUTS, 0, 2000).function().dataBytes(2000))
                .isEqualTo(250);
    }

    @Test
    void mbapFramesRoundTrip() throws Exception {
        byte[] frame = Mbap.encode(0x1234, 0xFF, HOLDING.pdu());
        assertThat(HEX.formatHex(frame)).isEqualTo("12 34 00 00 00 06 ff 03 00 6b 00 03");
        Mbap.Frame read = Mbap.read(new ByteArrayInputStream(frame));
        assertThat(read.transactionId()).isEqualTo(0x1234);
        assertThat(read.unitId()).isEqualTo(0xFF);
        assertThat(read.pdu()).isEqualTo(HOLDING.pdu());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "00 01 00 01 00 06 01 03 00 00 00 01|MBAP header with protocol id 1, expected 0 (Modbus)",
        "00 01 00 00 00 01 01|MBAP header with length 1, allowed are 2 to 254",
        "00 01 00 00 ff ff 01|MBAP header with length 65535, allowed are 2 to 254"})
    void aBrokenMbapHeaderIsRefusedBeforeItsBodyIsRead(String bytes, String message) {
        byte[] stream = HEX.parseHex(bytes);
        ByteArrayInputStream in = new ByteArrayInputStream(stream);
        assertThatThrownBy(() -> Mbap.read(in)).isInstanceOf(ModbusException.class).hasMessage(message);
        assertThat(stream.length - in.available()).isEqualTo(Mbap.HEADER_LENGTH);
    }

    @Test
    void aTruncatedMbapFrameEndsTheStream() {
        assertThatThrownBy(() -> Mbap.read(new ByteArrayInputStream(HEX.parseHex("00 01 00 00 00 06 01 03"))))
                .isInstanceOf(EOFException.class).hasMessage("connection closed by the slave after 1 of 5 bytes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ff ff|INT16|BIG|BIG||-1",
        "ff ff|UINT16|BIG|BIG||65535",
        "34 12|UINT16|LITTLE|BIG||4660",
        "00 01 e2 40|INT32|BIG|BIG||123456",
        "e2 40 00 01|UINT32|BIG|LITTLE||123456",
        "ff fe 1d c0|INT32|BIG|BIG||-123456",
        "ff ff ff ff|UINT32|BIG|BIG||4294967295",
        "41 ac 00 00|FLOAT32|BIG|BIG||21.5",
        "00 00 41 ac|FLOAT32|BIG|LITTLE||21.5",
        "ac 41 00 00|FLOAT32|LITTLE|BIG||21.5",
        "00 00 ac 41|FLOAT32|LITTLE|LITTLE||21.5",
        "04 d2|UINT16|BIG|BIG|0.1|123.4",
        "ff 9c|INT16|BIG|BIG|0.5|-50",
        "00 00|INT16|BIG|BIG|0.01|0",
        "41 ac 00 00|FLOAT32|BIG|BIG|2|43"})
    void registersBecomeNumbers(String data, ModbusDataType type, WordOrder bytes, WordOrder words, BigDecimal scale,
                                String expected) {
        Object value = RegisterValues.decode(HEX.parseHex(data), type, bytes, words, scale);
        assertThat(value).hasToString(expected);
        assertThat(value).isInstanceOf(scale == null && type != ModbusDataType.FLOAT32 ? Long.class : BigDecimal.class);
    }

    @Test
    void aFloatThatIsNoNumberIsNoValue() {
        assertThat(RegisterValues.decode(HEX.parseHex("7f c0 00 00"), ModbusDataType.FLOAT32, WordOrder.BIG,
                WordOrder.BIG, null)).isNull();
        assertThat(RegisterValues.decode(HEX.parseHex("7f 80 00 00"), ModbusDataType.FLOAT32, WordOrder.BIG,
                WordOrder.BIG, BigDecimal.TEN)).isNull();
    }

    @Test
    void stringsEndAtTheFirstNulAndLoseTrailingBlanks() {
        byte[] data = HEX.parseHex("4f 34 37 31 31 20 20 00 58 58");
        assertThat(RegisterValues.decode(data, ModbusDataType.STRING, WordOrder.BIG, WordOrder.BIG, null))
                .isEqualTo("O4711");
        assertThat(RegisterValues.decode(HEX.parseHex("34 4f 31 37"), ModbusDataType.STRING, WordOrder.LITTLE,
                WordOrder.BIG, null)).isEqualTo("O471");
    }

    @Test
    void bitsBecomeBooleans() {
        assertThat(RegisterValues.decode(new byte[] {1}, ModbusDataType.BOOL, WordOrder.BIG, WordOrder.BIG, null))
                .isEqualTo(true);
        assertThat(RegisterValues.decode(new byte[] {2}, ModbusDataType.BOOL, WordOrder.BIG, WordOrder.BIG, null))
                .isEqualTo(false);
    }
}
