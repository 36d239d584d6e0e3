package io.werkbridge.demo;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The demo's simulators ({@code werkbridge.demo.*}, config/application-demo.yml). Bound in the demo profile only
 * ({@code @ConfigurationPropertiesScan} honours {@code @Profile}): outside it these settings do not exist.
 *
 * @param opcuaPort   port of the simulated OPC UA mill; the demo machine file connects to the same setting
 * @param serialLink  path of the virtual serial link's hub end (the machine end is this path + {@code -machine})
 * @param erpPassword the password the ERP simulator calls the hub with (demo client {@code erp})
 */
@Profile("demo")
@Validated
@ConfigurationProperties("werkbridge.demo")
public record DemoProperties(@NotNull @Min(1) @Max(65535) Integer opcuaPort, @NotBlank String serialLink,
                             @NotBlank String erpPassword) {

    public DemoProperties {
        erpPassword = erpPassword == null ? "erp-demo" : erpPassword;
    }
}
