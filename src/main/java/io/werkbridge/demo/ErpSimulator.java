package io.werkbridge.demo;

import io.werkbridge.connector.erp.generated.Address;
import io.werkbridge.connector.erp.generated.Company;
import io.werkbridge.connector.erp.generated.Contact;
import io.werkbridge.connector.erp.generated.ErpCustomerPort;
import io.werkbridge.connector.erp.generated.PublishCustomer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Demo only: plays the ERP, publishing a synthetic customer over the real SOAP endpoint every few seconds.
 * All names and numbers are invented.
 */
@Component
@Profile("demo")
@EnableScheduling
public class ErpSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(ErpSimulator.class);
    private static final List<String> FIRST = List.of("Anna", "Jonas", "Lea", "Felix", "Mia", "Paul");
    private static final List<String> LAST = List.of("Beispiel", "Muster", "Probe", "Testmann", "Demo", "Fiktiv");

    private final AtomicInteger sequence = new AtomicInteger();
    private final String port;
    private final String password;
    private volatile ErpCustomerPort client;

    public ErpSimulator(@Value("${local.server.port:${server.port}}") String port,
                        DemoProperties demo) {
        this.port = port;
        this.password = demo.erpPassword();
    }

    @EventListener(ApplicationReadyEvent.class)
    public void connect() {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setServiceClass(ErpCustomerPort.class);
        factory.setAddress("http://localhost:" + port + "/services/erp");
        factory.setUsername("erp");
        factory.setPassword(password);
        client = factory.create(ErpCustomerPort.class);
    }

    @Scheduled(initialDelay = 3000, fixedDelayString = "${werkbridge.demo.erp-interval:5000}")
    public void publish() {
        if (client == null) {
            return;
        }
        int n = sequence.incrementAndGet();
        try {
            String messageId = client.publishCustomer(customer(n)).getMessageId();
            LOG.info("[erp simulator] published customer DEMO-{} as message {}", n % 10, messageId);
        } catch (RuntimeException e) {
            LOG.warn("[erp simulator] publishing failed: {}", e.getMessage());
        }
    }

    static PublishCustomer customer(int n) {
        Address address = new Address();
        address.setStreet("Beispielweg " + (n % 90 + 1));
        address.setPostalCode("3360" + (n % 10));
        address.setCity("Bielefeld");
        address.setCountry("DE");
        Company company = new Company();
        company.setName("Demo Werkzeugbau " + (n % 10) + " GmbH");
        company.setAddress(address);
        Contact contact = new Contact();
        contact.setId("C" + n % 10);
        contact.setFirstName(FIRST.get(n % FIRST.size()));
        contact.setLastName(LAST.get(n % LAST.size()));
        contact.setEmail("contact" + n % 10 + "@example.invalid");
        contact.setPhone("+49 521 555 0" + (100 + n % 900));
        contact.setFunction("Einkauf");
        PublishCustomer customer = new PublishCustomer();
        customer.setCustomerNumber("DEMO-" + n % 10);
        customer.setCompany(company);
        customer.getContact().add(contact);
        customer.setPaymentTerms("30 days net");
        customer.setRemarks("synthetic demo record " + n);
        return customer;
    }
}
