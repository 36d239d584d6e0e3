package io.werkbridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Werkbridge: the privacy-aware integration hub. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WerkbridgeApplication {

    public static void main(String[] args) {
        SpringApplication.run(WerkbridgeApplication.class, args);
    }
}
