package io.werkbridge.connector.erp;

import io.werkbridge.connector.erp.documents.generated.ErpDocumentPort;
import javax.xml.namespace.QName;
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
        return ErpSoapConfiguration.endpoint(bus, "/erp-documents", ErpDocumentPort.class,
                "classpath:connectors/erp/erp-documents.wsdl", new QName(NAMESPACE, "ErpDocumentService"),
                new QName(NAMESPACE, "ErpDocumentPort"));
    }
}
