package io.werkbridge.machine;

import io.werkbridge.connector.serial.nc.NcProgramText;
import io.werkbridge.model.CanonicalJson;
import io.werkbridge.model.EntityType;
import io.werkbridge.model.Envelope;
import io.werkbridge.model.InvalidSourceDataException;
import io.werkbridge.model.NcProgram;
import io.werkbridge.model.Operation;
import java.time.Clock;
import java.time.Instant;

/**
 * An NC program a machine's control punched out, as a canonical {@code nc-program} document for the
 * {@code nc-programs} flow (route template {@code machine-nc-programs}). A program the framing refused (parity error,
 * too long, truncated) is refused here with the framing's reason, which gives the position and never the text, so the
 * route parks it; nothing of it is delivered.
 */
public final class NcPrograms {

    private final MachineRegistry machines;
    private final Clock clock;

    public NcPrograms(MachineRegistry machines, Clock clock) {
        this.machines = machines;
        this.clock = clock;
    }

    /**
     * @param rejected the framing's reason when it refused the program, else null
     * @throws InvalidSourceDataException when the program was refused or is not a program
     */
    public Envelope fromControl(String machineId, byte[] program, String rejected) {
        if (rejected != null) {
            throw new InvalidSourceDataException("nc-program refused: " + rejected);
        }
        MachineDefinition machine = machines.require(machineId);
        NcProgramText.Parsed parsed = NcProgramText.parse(program);
        Instant now = clock.instant();
        NcProgram body = new NcProgram(machine.machineNumber(), machine.machineType(), machine.customerNumber(),
                parsed.programNumber(), now, parsed.length(), parsed.lines().size(),
                parsed.programmer() == null ? null : new NcProgram.Programmer(parsed.programmer()), parsed.lines());
        return Envelope.create(EntityType.NC_PROGRAM, machine.machineNumber(), Operation.UPSERT, now,
                "machine:" + machine.id(), CanonicalJson.tree(body));
    }
}
