package io.werkbridge.machine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rules of a Modbus register map the schema cannot say: names once; bool exactly for coils and discrete
 * inputs; a count for strings only; a scale for numbers only; no read beyond address 65535; serial unit ids 1-247;
 * and register map and mapping name the same values (a register no entry maps would only load the bus, a source
 * no register reads would never arrive).
 */
final class ModbusRegisterMap {

    private static final Set<String> NUMBERS = Set.of("int16", "uint16", "int32", "uint32", "float32");

    private ModbusRegisterMap() {
    }

    static void check(JsonNode connection, JsonNode mapping, BiConsumer<String, String> problems) {
        boolean rtu = connection.has("port");
        if (rtu && !serialUnit(connection.path("unitId").asInt(1))) {
            problems.accept("connection.unitId", "must be 1 to 247 on a serial line (0 is broadcast, which no slave answers)");
        }
        Set<String> names = new HashSet<>();
        JsonNode registers = connection.path("registers");
        for (int i = 0; registers.isArray() && i < registers.size(); i++) {
            JsonNode register = registers.get(i);
            String at = "connection.registers[" + i + "]";
            if (!register.isObject()) {
                continue;
            }
            String name = register.path("name").asText();
            if (!names.add(name)) {
                problems.accept(at + ".name", "'" + name + "' names another register already");
            }
            boolean bits = register.path("function").asInt() <= 2;
            String type = register.path("type").asText(bits ? "bool" : "uint16");
            if (bits != "bool".equals(type)) {
                problems.accept(at + ".type", bits ? "functions 1 and 2 read bits: type bool (or none)"
                        : "bool is for functions 1 and 2; a register is int16, uint16, int32, uint32, float32 or string");
            }
            if ("string".equals(type) != register.has("count")) {
                problems.accept(at + ".count", "string".equals(type) ? "missing: the registers the string takes"
                        : "only for type string; the other types know their size");
            }
            if (register.has("scale") && !NUMBERS.contains(type)) {
                problems.accept(at + ".scale", "only for number types");
            }
            int items = "string".equals(type) ? register.path("count").asInt(1) : type.endsWith("32") ? 2 : 1;
            if (register.path("address").asInt() + items > 0x10000) {
                problems.accept(at + ".address", "the read would go beyond address 65535");
            }
            if (rtu && register.has("unitId") && !serialUnit(register.get("unitId").asInt())) {
                problems.accept(at + ".unitId", "must be 1 to 247 on a serial line");
            }
        }
        Set<String> mapped = new HashSet<>();
        for (int i = 0; mapping.isArray() && i < mapping.size(); i++) {
            String source = mapping.get(i).path("source").asText();
            mapped.add(source);
            if (!names.contains(source)) {
                problems.accept("mapping[" + i + "].source", "'" + source + "' is no register of connection.registers");
            }
        }
        names.stream().filter(n -> !mapped.contains(n)).sorted().forEach(n -> problems.accept("connection.registers",
                "'" + n + "' is read but no mapping entry takes it: map it or remove it"));
    }

    private static boolean serialUnit(int unit) {
        return unit >= 1 && unit <= 247;
    }
}
