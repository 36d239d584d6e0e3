package io.werkbridge.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Loads every {@code *.yml} of a folder (not its sub-folders) as one machine file. Placeholders
 * {@code ${property:default}} are resolved from the hub's configuration first, so a file can take an address from
 * the environment. All problems of all files are reported together.
 */
public final class MachineFiles {

    private final ResourcePatternResolver resources;
    private final PropertyResolver properties;
    private final MachineFileReader reader = new MachineFileReader();

    public MachineFiles(ResourcePatternResolver resources, PropertyResolver properties) {
        this.resources = resources;
        this.properties = properties;
    }

    /** @param location a folder, e.g. {@code classpath:connectors/machines/} or {@code file:/etc/werkbridge/machines/} */
    public MachineRegistry load(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        Resource[] files;
        try {
            files = resources.getResources(folder + "*.yml");
        } catch (IOException e) {
            throw new MachineConfigException(List.of(folder + ": cannot be listed (" + e.getClass().getSimpleName() + ")"));
        }
        List<String> problems = new ArrayList<>();
        List<MachineDefinition> machines = new ArrayList<>();
        Arrays.stream(files).filter(Resource::isReadable)
                .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename())))
                .forEach(file -> {
                    String name = folder + file.getFilename();
                    try {
                        String text = properties.resolveRequiredPlaceholders(file.getContentAsString(StandardCharsets.UTF_8));
                        machines.add(reader.read(name, text));
                    } catch (IOException e) {
                        problems.add(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
                    } catch (IllegalArgumentException e) {
                        problems.add(name + ": " + e.getMessage() + " (define the property or give a default: ${name:default})");
                    } catch (MachineConfigException e) {
                        problems.addAll(e.problems());
                    }
                });
        if (!problems.isEmpty()) {
            throw new MachineConfigException(problems);
        }
        return new MachineRegistry(machines);
    }
}
