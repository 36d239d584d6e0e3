package io.werkbridge.machine;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param location where the machine files are, one YAML file per machine (a folder, {@code file:} or
 *                 {@code classpath:}); no default here: config/application.yml names the shipped samples
 */
@Validated
@ConfigurationProperties("werkbridge.machines")
public record MachineProperties(@NotBlank String location) {
}
