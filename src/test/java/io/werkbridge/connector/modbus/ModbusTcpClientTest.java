package io.werkbridge.connector.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Modbus TCP master against an in-test slave on a loopback socket. */
class ModbusTcpClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final SimulatedModbusSlave slave;
    private final ModbusTcpClient client;

    ModbusTcpClientTest() throws IOException {
        slave = SimulatedModbusSlave.tcp(1);
        client = new ModbusTcpClient("127.0.0.1", slave.tcpPort(), TIMEOUT);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        slave.close();
    }

    @Test
    void readsRegistersAndBitsAndReportsExceptionResponses() throws ModbusException {
        slave.holding(100, 555, 0, 100);
        slave.coil(7, true);
        ReadRequest registers = new ReadRequest(1, ModbusFunction.READ_HOLDING_REGISTERS, 100, 3);
        ReadRequest coil = new ReadRequest(1, ModbusFunction.READ_COILS, 7, 1);

        assertThat(ModbusPdu.registers(ModbusPdu.data(registers, client.transact(registers, TIMEOUT))))
                .containsExactly(555, 0, 100);
        assertThat(ModbusPdu.bit(ModbusPdu.data(coil, client.transact(coil, TIMEOUT)), 0)).isTrue();
        ReadRequest missing = new ReadRequest(1, ModbusFunction.READ_INPUT_REGISTERS, 9, 1);
        assertThatThrownBy(() -> ModbusPdu.data(missing, client.transact(missing, TIMEOUT)))
                .hasMessage("unit 1, function 04, address 9: exception response 02 (illegal data address)");
    }

    @Test
    void aSilentSlaveTimesOutAndTheNextRequestStartsOnAFreshConnection() throws ModbusException {
        slave.input(0, 42);
        ReadRequest read = new ReadRequest(1, ModbusFunction.READ_INPUT_REGISTERS, 0, 1);
        slave.mute(true);
        assertThatThrownBy(() -> client.transact(read, Duration.ofMillis(100)))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModbusException.Kind.TIMEOUT))
                .hasMessage("unit 1, function 04, address 0: no response from tcp://127.0.0.1:" + slave.tcpPort()
                        + " within 100 ms");
        slave.mute(false);
        assertThat(ModbusPdu.registers(ModbusPdu.data(read, client.transact(read, TIMEOUT)))).containsExactly(42);
    }

    @Test
    void aServerThatIsNotThereIsALinkFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ModbusTcpClient nowhere = new ModbusTcpClient("127.0.0.1", port, TIMEOUT);
        ReadRequest read = new ReadRequest(1, ModbusFunction.READ_INPUT_REGISTERS, 0, 1);
        assertThatThrownBy(() -> nowhere.transact(read, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isEqualTo(ModbusException.Kind.LINK))
                .hasMessageStartingWith("unit 1, function 04, address 0: connection to tcp://127.0.0.1:" + port
                        + " failed: ");
    }
}
