package io.werkbridge.machine;

import java.util.List;

/** Machine files that cannot be used; each problem names the file and the entry at fault. */
public final class MachineConfigException extends RuntimeException {

    private final List<String> problems;

    public MachineConfigException(List<String> problems) {
        super("machine configuration rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
