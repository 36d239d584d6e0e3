package io.werkbridge.connector.erp;

import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import javax.xml.validation.ValidatorHandler;
import org.apache.camel.component.cxf.jaxws.CxfConfigurer;
import org.apache.cxf.Bus;
import org.apache.cxf.annotations.SchemaValidation.SchemaValidationType;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.frontend.AbstractWSDLBasedEndpointFactory;
import org.apache.cxf.message.Message;
import org.apache.cxf.service.model.ServiceInfo;
import org.apache.cxf.ws.addressing.EndpointReferenceUtils;

/**
 * Validates the requests of a SOAP endpoint against its schema, and lets each request thread reuse one schema
 * validator.
 *
 * <p>Only requests are validated ({@link SchemaValidationType#IN}), set on CXF's server factory: the Camel endpoint's
 * own option is a Boolean (both directions), and a value in its properties map is bound to that option first.
 *
 * <p>Validators are reused because CXF validates a request by giving its schema to the JAXB unmarshaller, and JAXB
 * asks the schema for a new validator for every document: Xerces then builds a validator with its own schema loader,
 * scanners and symbol tables per request, which was a fifth of what the SOAP edge allocated under load. A validator resets itself at the start of each document, so the thread that
 * used it last can use it again; it is never shared between threads.
 *
 * <p>Installed as Camel creates the endpoint's server, in the place where CXF keeps the schema it validates against
 * (the service's {@code javax.xml.validation.Schema} property); the rules and the messages of the validation are
 * those of the same schema. Public for the load run's fair peer (src/jmh), which validates as the hub does.
 */
public final class ReusedSchemaValidators implements CxfConfigurer {

    private final Bus bus;

    public ReusedSchemaValidators(Bus bus) {
        this.bus = bus;
    }

    @Override
    public void configure(AbstractWSDLBasedEndpointFactory factory) {
        factory.getProperties(true).put(Message.SCHEMA_VALIDATION_ENABLED, SchemaValidationType.IN);
    }

    @Override
    public void configureClient(Client client) {
        // only requests that reach a server are validated
    }

    @Override
    public void configureServer(Server server) {
        for (ServiceInfo service : server.getEndpoint().getService().getServiceInfos()) {
            Schema schema = EndpointReferenceUtils.getSchema(service, bus);
            if (schema != null && !(schema instanceof PerThread)) {
                service.setProperty(Schema.class.getName(), new PerThread(schema));
            }
        }
    }

    /** The schema, with one validator handler per thread. */
    static final class PerThread extends Schema {
        private final Schema schema;
        private final ThreadLocal<ValidatorHandler> handlers;

        PerThread(Schema schema) {
            this.schema = schema;
            this.handlers = ThreadLocal.withInitial(schema::newValidatorHandler);
        }

        @Override
        public Validator newValidator() {
            return schema.newValidator();
        }

        /** The calling thread's handler; JAXB sets its content and error handlers again for every document. */
        @Override
        public ValidatorHandler newValidatorHandler() {
            return handlers.get();
        }
    }
}
