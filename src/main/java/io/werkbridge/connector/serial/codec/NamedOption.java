package io.werkbridge.connector.serial.codec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An enum constant that is configured by a lower-case name, such as {@code parity=even}. */
public interface NamedOption {

    /** The constant's name in lower case with hyphens ({@code STX_ETX} is {@code stx-etx}), unless it says otherwise. */
    default String configName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Finds the constant of {@code type} named {@code value} (ignoring case).
     *
     * @throws IllegalArgumentException naming the option and the allowed values
     */
    static <E extends Enum<E> & NamedOption> E parse(Class<E> type, String option, String value) {
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.configName().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("option " + option + "=" + value + " is not supported; use one of "
                + Arrays.stream(constants).map(NamedOption::configName).collect(Collectors.joining(", ")));
    }
}
