package io.werkbridge.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The programTransfer section of a machine file, checked, with its defaults, as the serial: URI of its routes. */
class ProgramTransferTest {

    private final MachineFileReader reader = new MachineFileReader();

    private MachineDefinition read(String transfer) {
        return reader.read("mill.yml", """
                {id: mill, machineNumber: M-2, customerNumber: "1", protocol: opcua,
                 connection: {endpoint: "opc.tcp://127.0.0.1:4840/x"},
                 mapping: [{source: "ns=2;s=State", kind: status, value: state}],
                 programTransfer: %s}
                """.formatted(transfer));
    }

    @Test
    void defaultsToIsoSevenBitEvenParityTwoStopBitsWithXonXoff() {
        ProgramTransfer transfer = read("{port: /dev/ttyUSB1}").programTransfer();

        assertThat(transfer.uri()).isEqualTo("serial:/dev/ttyUSB1?framing=nc-program&baudRate=9600&charDelay=0"
                + "&codeParity=none&dataBits=7&endTimeout=10000&flowControl=xonxoff&leader=0&maxLineLength=256&maxFrameLength=1048576"
                + "&parity=even&writeTimeout=600000&start=xon&startTimeout=300000&stopBits=2");
        assertThat(transfer.maxProgramLength()).isEqualTo(1_048_576);
        assertThat(transfer.maxLineLength()).isEqualTo(256);
    }

    @Test
    void takesTheControlsSettings() {
        ProgramTransfer transfer = read("{port: /dev/ttyS0, baudRate: 4800, dataBits: 8, parity: none, stopBits: 1,"
                + " codeParity: even, charDelay: 5, leader: 40, start: immediate, maxProgramLength: 65536}").programTransfer();

        assertThat(transfer.uri()).contains("baudRate=4800", "dataBits=8", "parity=none", "stopBits=1", "codeParity=even",
                "charDelay=5", "leader=40", "start=immediate", "maxFrameLength=65536");
        assertThat(transfer.maxProgramLength()).isEqualTo(65_536);
    }

    @Test
    void refusesWhatTheSchemaDoesNotAllow() {
        assertThatThrownBy(() -> read("{port: /dev/ttyS0, codeParity: odd, dataBits: 5}"))
                .hasMessageContaining("mill.yml: programTransfer.codeParity: must be none or even")
                .hasMessageContaining("mill.yml: programTransfer.dataBits: must be 7 or 8");
        assertThat(read("{port: /dev/ttyS0}").programTransfer()).isNotNull();
    }
}
