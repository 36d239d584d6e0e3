package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.documents.generated.ErpDocumentPort;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.camel.component.cxf.common.DataFormat;
import org.apache.camel.component.cxf.jaxws.CxfEndpoint;
import org.apache.cxf.Bus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ERP's SOAP endpoint for documents (invoices, service reports), contract-first like the customer endpoint:
 * {@code connectors/erp/erp-documents.wsdl} is the contract, every request is validated against its schema, and
 * faults are cleaned of submitted values. Published at {@code /services/erp-documents}.
 */
@Configuration(proxyBeanMethods = false)
public class ErpDocumentsSoapConfiguration {

    static final String NAMESPACE = "urn:werkbridge:erp:documents:1";

    @Bean
    CxfEndpoint erpDocumentsEndpoint(Bus bus) {
        CxfEndpoint endpoint = new CxfEndpoint();
        endpoint.setBus(bus);
        endpoint.setAddress("/erp-documents");
        endpoint.setServiceClass(ErpDocumentPort.class);
        endpoint.setWsdlURL("classpath:connectors/erp/erp-documents.wsdl");
        endpoint.setServiceNameAsQName(new QName(NAMESPACE, "ErpDocumentService"));
        endpoint.setPortNameAsQName(new QName(NAMESPACE, "ErpDocumentPort"));
        endpoint.setDataFormat(DataFormat.POJO);
        endpoint.setProperties(new HashMap<>(Map.of("schema-validation-enabled", "true")));
        endpoint.getOutFaultInterceptors().add(new SoapFaultSanitizer());
        // the route answers on the request thread anyway; asynchronous mode suspended every request through a CXF
        // continuation, which throws (and fills the stack trace of) a SuspendedInvocationException each time
        endpoint.setSynchronous(true);
        return endpoint;
    }
}
