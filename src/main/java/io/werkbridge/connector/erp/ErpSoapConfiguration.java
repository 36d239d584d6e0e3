package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.generated.ErpCustomerPort;
import io.werkbridge.model.XmlLimits;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ERP's SOAP endpoint, contract-first: the WSDL in {@code connectors/erp/} is the contract, the classes are
 * generated from it at build time, and every request is validated against its schema before a route sees it.
 * Published at {@code /services/erp} (the CXF servlet lives under {@code cxf.path=/services}).
 */
@Configuration(proxyBeanMethods = false)
public class ErpSoapConfiguration {

    static final String NAMESPACE = "urn:werkbridge:erp:customer:1";

    @Bean
    CxfEndpoint erpCustomerEndpoint(Bus bus) {
        return endpoint(bus, "/erp", ErpCustomerPort.class, "classpath:connectors/erp/erp-customer.wsdl",
                new QName(NAMESPACE, "ErpCustomerService"), new QName(NAMESPACE, "ErpCustomerPort"));
    }

    /** Reads the operation CXF resolved; the SOAP routes dispatch on it. */
    @Bean
    SoapOperation soapOperation() {
        return new SoapOperation();
    }

    /**
     * A contract-first endpoint the ERP calls: POJO data format, every request validated against the WSDL's schema,
     * faults cleaned of submitted values, HTTP headers that collide with Camel's or the hub's own dropped. Only
     * requests are validated: the answers are built from the generated classes by the hub itself, and validating them
     * created a second schema validator per call (the flow tests validate them against the schema).
     */
    static CxfEndpoint endpoint(Bus bus, String address, Class<?> serviceClass, String wsdl, QName service, QName port) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress(address);
        endpoint.setServiceClass(serviceClass);
        endpoint.setWsdlURL(wsdl);
        endpoint.setServiceNameAsQName(service);
        endpoint.setPortNameAsQName(port);
        endpoint.setDataFormat(DataFormat.POJO);
        // the hub's one set of XML limits (depth, counts, sizes), read by CXF's StAX layer for every message on this
        // bus; on the bus, not in the endpoint's properties map, which Camel would try to bind to CxfEndpoint's setters
        XmlLimits.DEFAULT.cxfProperties().forEach(bus::setProperty);
        endpoint.getOutFaultInterceptors().add(new SoapFaultSanitizer());
        // request validation (IN) is set by the configurer on CXF's own factory: in the endpoint's properties map
        // Camel would first bind it to CxfEndpoint's Boolean setter, which cannot take IN (a stack trace per start).
        // No client header may pose as Camel's, the operation or the hub's own (SoapEdgeHeaders)
        endpoint.setHeaderFilterStrategy(new SoapEdgeHeaders());
        endpoint.setCxfConfigurer(new ReusedSchemaValidators(bus));
        // synchronous processing is set on the route's URI (?synchronous=true): the CXF component overwrites an
        // endpoint bean's own setting with the component's when the route resolves cxf:bean:...
        return endpoint;
    }
}
