package io.werkbridge.model;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body paths of a canonical type that the model marks {@link PersonalData}, in the classification's notation
 * ({@code contacts[].email}, {@code reportedBy}): read from the records themselves, so a new personal component is
 * checked against the policy without a list to keep in step.
 */
public final class PersonalPaths {

    private static final int MAX_DEPTH = 8;

    private PersonalPaths() {
    }

    public static Set<String> of(EntityType type) {
        Set<String> paths = new TreeSet<>();
        walk(recordOf(type), "", paths, 0);
        return paths;
    }

    static Class<?> recordOf(EntityType type) {
        return switch (type) {
            case CUSTOMER -> Customer.class;
            case INVOICE -> Invoice.class;
            case SERVICE_REPORT -> ServiceReport.class;
            case SERVICE_TICKET -> ServiceTicket.class;
            case ORDER -> Order.class;
            case MACHINE_EVENT -> MachineEvent.class;
            case LINK_DIAGNOSTICS -> LinkDiagnostics.class;
            case NC_PROGRAM -> NcProgram.class;
        };
    }

    private static void walk(Class<?> record, String prefix, Set<String> paths, int depth) {
        if (depth > MAX_DEPTH) {
            return; // the model nests a few levels; a deeper walk would mean a cycle
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            if (component.isAnnotationPresent(PersonalData.class)) {
                paths.add(path);
            }
            Type type = component.getGenericType();
            if (type instanceof ParameterizedType list && Collection.class.isAssignableFrom(component.getType())
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                walk(element, path + "[].", paths, depth + 1);
            } else if (component.getType().isRecord()) {
                walk(component.getType(), path + ".", paths, depth + 1);
            }
        }
    }
}
