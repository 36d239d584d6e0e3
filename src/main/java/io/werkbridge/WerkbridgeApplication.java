package io.werkbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Werkbridge: the privacy-aware integration hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WerkbridgeApplication {

    /** The StAX event factory CXF asks for on every SOAP answer; woodstox is the one on the classpath. */
    private static final String XML_EVENT_FACTORY = "javax.xml.stream.XMLEventFactory";

    public static void main(String[] args) {
        // Named, the factory is found at once; unnamed, every SOAP answer scans all jars for a service provider
        // (XMLEventFactory.newInstance() in CXF's CachingXmlEventWriter), which the load run showed as 15 % of the
        // SOAP edge's CPU.
        if (System.getProperty(XML_EVENT_FACTORY) == null) {
            System.setProperty(XML_EVENT_FACTORY, "com.ctc.wstx.stax.WstxEventFactory");
        }
        SpringApplication.run(WerkbridgeApplication.class, args);
    }
}
