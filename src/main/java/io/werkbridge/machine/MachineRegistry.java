package io.werkbridge.machine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The machines the hub knows, by id; ids and machine numbers are unique across all files. */
public final class MachineRegistry {

    private final Map<String, MachineDefinition> byId = new LinkedHashMap<>();

    /** @throws MachineConfigException naming both files when an id or a machine number is used twice */
    public MachineRegistry(Collection<MachineDefinition> machines) {
        List<String> problems = new ArrayList<>();
        Map<String, MachineDefinition> byNumber = new LinkedHashMap<>();
        machines.stream().sorted(Comparator.comparing(MachineDefinition::id)).forEach(machine -> {
            MachineDefinition sameId = byId.putIfAbsent(machine.id(), machine);
            if (sameId != null) {
                problems.add(machine.file() + ": id: '" + machine.id() + "' is already used by " + sameId.file());
            }
            MachineDefinition sameNumber = byNumber.putIfAbsent(machine.machineNumber(), machine);
            if (sameNumber != null) {
                problems.add(machine.file() + ": machineNumber: already used by " + sameNumber.file());
            }
        });
        if (!problems.isEmpty()) {
            throw new MachineConfigException(problems);
        }
    }

    public List<MachineDefinition> all() {
        return List.copyOf(byId.values());
    }

    public Optional<MachineDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** @throws IllegalArgumentException for an id no machine file declares */
    public MachineDefinition require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no machine with id '" + id + "' in the machine files"));
    }
}
