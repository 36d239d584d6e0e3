package io.werkbridge.connector.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Pairing RTU requests with answers on a line without transaction ids. */
class ModbusRtuMasterTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final ReadRequest READ = new ReadRequest(0x11, ModbusFunction.READ_HOLDING_REGISTERS, 0x6B, 1);

    private final List<byte[]> sent = new ArrayList<>();
    private Consumer<byte[]> line = payload -> { };
    private final ModbusRtuMaster master = new ModbusRtuMaster(payload -> {
        sent.add(payload);
        line.accept(payload);
    });

    @Test
    void theAnswerIsTheFirstFrameOfTheAddressedUnitAfterTheRequest() throws ModbusException {
        master.onFrame(HEX.parseHex("11 03 02 00 01")); // left over from an earlier request: dropped
        line = request -> {
            master.onFrame(request.clone());                     // the echo of a two-wire RS-485 adapter
            master.onFrame(HEX.parseHex("05 03 02 00 07"));      // another unit on the bus
            master.onFrame(HEX.parseHex("11 03 02 02 2b"));
        };
        byte[] pdu = master.transact(READ, Duration.ofSeconds(2));

        assertThat(HEX.formatHex(sent.get(0))).isEqualTo("11 03 00 6b 00 01");
        assertThat(HEX.formatHex(pdu)).isEqualTo("03 02 02 2b");
    }

    @Test
    void noAnswerIsATimeoutThatNamesTheRequest() {
        assertThatThrownBy(() -> master.transact(READ, Duration.ofMillis(30)))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModbusException.Kind.TIMEOUT))
                .hasMessage("unit 17, function 03, address 107: no response within 30 ms");
    }

    @Test
    void aLineThatCannotSendIsALinkFailure() {
        ModbusRtuMaster unplugged = new ModbusRtuMaster(payload -> {
            throw new IOException("serial port /dev/ttyUSB0 is not connected");
        });
        assertThatThrownBy(() -> unplugged.transact(READ, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModbusException.Kind.LINK))
                .hasMessage("unit 17, function 03, address 107: serial port /dev/ttyUSB0 is not connected");
    }

    @Test
    void framesNobodyWaitsForAreBounded() throws ModbusException {
        for (int i = 0; i < 100; i++) {
            master.onFrame(HEX.parseHex("11 03 02 00 01"));
        }
        line = request -> master.onFrame(HEX.parseHex("11 03 02 00 02"));
        assertThat(HEX.formatHex(master.transact(READ, Duration.ofSeconds(1)))).isEqualTo("03 02 00 02");
    }
}
