package io.werkbridge.machine.modbus;

import io.werkbridge.connector.modbus.ReadRequest;
import io.werkbridge.machine.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The requests of one poll: registers of the same unit and function whose address ranges touch or overlap are read
 * together, up to the function's maximum (125 registers, 2000 bits), so a map of neighbouring registers costs one
 * round trip instead of one per register. Registers with a gap between them are never joined: the gap might not
 * exist on the device and would turn a good read into an exception response.
 */
final class ReadPlan {

    /** One register of a block: its place in the register map and its first item's offset in the block. */
    record Slice(int index, Connection.ModbusRegister register, int offset) {
    }

    /** One request and the registers it reads. */
    record Block(ReadRequest request, List<Slice> slices) {

        /** The block that reads only {@code slice}'s register. */
        static Block single(Slice slice, int defaultUnit) {
            return new Block(slice.register().request(defaultUnit), List.of(new Slice(slice.index(), slice.register(), 0)));
        }
    }

    private ReadPlan() {
    }

    static List<Block> of(Connection.Modbus connection) {
        List<Connection.ModbusRegister> registers = connection.registers();
        int unit = connection.unitId();
        List<Integer> order = IntStream.range(0, registers.size()).boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> registers.get(i).request(unit).unitId())
                        .thenComparingInt(i -> registers.get(i).function())
                        .thenComparingInt(i -> registers.get(i).address()))
                .toList();
        List<Block> blocks = new ArrayList<>();
        ReadRequest open = null;
        List<Slice> slices = new ArrayList<>();
        for (int i : order) {
            ReadRequest request = registers.get(i).request(unit);
            if (open != null && joins(open, request)) {
                int end = Math.max(open.address() + open.count(), request.address() + request.count());
                open = new ReadRequest(open.unitId(), open.function(), open.address(), end - open.address());
            } else {
                if (open != null) {
                    blocks.add(new Block(open, List.copyOf(slices)));
                    slices.clear();
                }
                open = request;
            }
            slices.add(new Slice(i, registers.get(i), request.address() - open.address()));
        }
        if (open != null) {
            blocks.add(new Block(open, List.copyOf(slices)));
        }
        return List.copyOf(blocks);
    }

    private static boolean joins(ReadRequest block, ReadRequest next) {
        int end = Math.max(block.address() + block.count(), next.address() + next.count());
        return block.unitId() == next.unitId() && block.function() == next.function()
                && next.address() <= block.address() + block.count() && end - block.address() <= block.function().maxCount();
    }
}
