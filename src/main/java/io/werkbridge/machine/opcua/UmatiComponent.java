package io.werkbridge.machine.opcua;

import io.werkbridge.machine.MachineRegistry;
import io.werkbridge.machine.MachineStatusBoard;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;

/**
 * {@code opcua-umati:<machineId>}: the consumer of a umati machine tool, or of an OPC UA machine's Alarms & Conditions
 * events ({@link UmatiConsumer}), since camel-milo monitors configured nodes only and neither browses nor subscribes to
 * events. Consumer only.
 */
public final class UmatiComponent extends DefaultComponent {

    private final MachineRegistry machines;
    private final OpcUaSecurity security;
    private final OpcUaValues values;
    private final MachineStatusBoard status;

    public UmatiComponent(MachineRegistry machines, OpcUaSecurity security, OpcUaValues values, MachineStatusBoard status) {
        this.machines = machines;
        this.security = security;
        this.values = values;
        this.status = status;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        // the machine must exist with profile umati or alarms: its file, not the URI, says where and how to connect
        var machine = machines.require(remaining);
        if (!machine.umati() && !(machine.connection() instanceof io.werkbridge.machine.Connection.OpcUa opcUa && opcUa.alarms())) {
            throw new IllegalArgumentException("machine " + remaining + " has neither profile umati nor alarms: true");
        }
        return new UmatiEndpoint(uri, this, remaining);
    }

    /** One machine tool's endpoint. */
    static final class UmatiEndpoint extends DefaultEndpoint {

        private final String machineId;

        UmatiEndpoint(String uri, UmatiComponent component, String machineId) {
            super(uri, component);
            this.machineId = machineId;
        }

        @Override
        public Producer createProducer() {
            throw new UnsupportedOperationException("opcua-umati: is a consumer only");
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            UmatiComponent component = (UmatiComponent) getComponent();
            Consumer consumer = new UmatiConsumer(this, processor, component.machines.require(machineId),
                    component.security, component.values, component.status);
            configureConsumer(consumer);
            return consumer;
        }
    }
}
