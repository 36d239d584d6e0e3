package io.werkbridge.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.connector.erp.generated.PublishCustomer;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.UnmarshalException;
import jakarta.xml.bind.Unmarshaller;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.apache.cxf.annotations.SchemaValidation.SchemaValidationType;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.message.Message;
import org.junit.jupiter.api.Test;

/** One validator per thread, reused from document to document: every document is still judged on its own. */
class ReusedSchemaValidatorsTest {

    private static final String VALID = publishCustomer("erika@example.com");
    private static final String INVALID = publishCustomer("not-an-email");

    private final Schema schema = new ReusedSchemaValidators.PerThread(SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
            .newSchema(Path.of("connectors/erp/erp-customer.xsd").toFile()));

    ReusedSchemaValidatorsTest() throws Exception {
    }

    @Test
    void requestsOnlyAreValidatedBySettingOnCxfsFactoryNotOnTheCamelEndpoint() {
        JaxWsServerFactoryBean factory = new JaxWsServerFactoryBean();

        new ReusedSchemaValidators(new ExtensionManagerBus()).configure(factory);

        assertThat(factory.getProperties()).containsEntry(Message.SCHEMA_VALIDATION_ENABLED, SchemaValidationType.IN);
    }

    @Test
    void aThreadGetsItsOwnValidatorAgainAndAnotherThreadAnotherOne() throws Exception {
        ValidatorHandler mine = schema.newValidatorHandler();

        assertThat(schema.newValidatorHandler()).isSameAs(mine);
        assertThat(CompletableFuture.supplyAsync(schema::newValidatorHandler).get()).isNotSameAs(mine);
    }

    @Test
    void aReusedValidatorJudgesEachDocumentOnItsOwn() throws Exception {
        JAXBContext context = JAXBContext.newInstance(PublishCustomer.class);

        assertThatThrownBy(() -> unmarshal(context, INVALID)).isInstanceOf(UnmarshalException.class)
                .hasStackTraceContaining("email");
        PublishCustomer valid = unmarshal(context, VALID);
        assertThat(valid.getContact().get(0).getEmail()).isEqualTo("erika@example.com");
        assertThatThrownBy(() -> unmarshal(context, INVALID)).isInstanceOf(UnmarshalException.class);
        assertThat(unmarshal(context, VALID).getCustomerNumber()).isEqualTo("100234");
    }

    private PublishCustomer unmarshal(JAXBContext context, String xml) throws Exception {
        Unmarshaller unmarshaller = context.createUnmarshaller();
        unmarshaller.setSchema(schema);
        return unmarshaller.unmarshal(new StreamSource(new StringReader(xml)), PublishCustomer.class).getValue();
    }

    private static String publishCustomer(String email) {
        return """
                <c:publishCustomer xmlns:c="urn:werkbridge:erp:customer:1">
                  <c:customerNumber>100234</c:customerNumber>
                  <c:company><c:name>Beispiel GmbH</c:name>
                    <c:address><c:street>Weg 1</c:street><c:postalCode>33602</c:postalCode><c:city>Bielefeld</c:city><c:country>DE</c:country></c:address>
                  </c:company>
                  <c:contact><c:id>K-1</c:id><c:firstName>Erika</c:firstName><c:lastName>Beispiel</c:lastName>
                    <c:email>%s</c:email></c:contact>
                </c:publishCustomer>""".formatted(email);
    }
}
