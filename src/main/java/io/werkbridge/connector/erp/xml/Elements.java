package io.werkbridge.connector.erp.xml;

import io.werkbridge.connector.erp.InvalidErpDocumentException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reading DOM elements by namespace and local name ({@code null} namespace: any, as IDoc XML has none), with errors
 * that name the element and the rule, never the value.
 */
public final class Elements {

    private static final DateTimeFormatter IDOC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private Elements() {
    }

    public static List<Element> children(Element parent, String namespace, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isNamed(node, namespace, name)) {
                found.add((Element) node);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isNamed(node, namespace, name)) {
                return Optional.of((Element) node);
            }
        }
        return Optional.empty();
    }

    private static boolean isNamed(Node node, String namespace, String name) {
        return node instanceof Element element && name.equals(element.getLocalName())
                && (namespace == null || namespace.equals(element.getNamespaceURI()));
    }

    /** @param what how the error names the element, e.g. "segment E1KNA1M" */
    public static Element required(Element parent, String namespace, String name, String what) {
        return child(parent, namespace, name).orElseThrow(() -> new InvalidErpDocumentException(
                "mandatory " + what + " is missing"));
    }

    /** The trimmed text of a child element, or null when it is absent or empty. */
    public static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).map(Elements::text).orElse(null);
    }

    public static String text(Element element) {
        String text = element.getTextContent();
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** An attribute without namespace of a child element, or null when the child or the attribute is absent. */
    public static String attribute(Element parent, String namespace, String name, String attribute) {
        return child(parent, namespace, name).map(e -> e.getAttribute(attribute)).filter(a -> !a.isBlank())
                .map(String::trim).orElse(null);
    }

    /** The element reached through {@code path} (child names in one namespace), if every step is present. */
    public static Optional<Element> path(Element parent, String namespace, String... names) {
        Optional<Element> at = Optional.of(parent);
        for (String name : names) {
            at = at.flatMap(e -> child(e, namespace, name));
        }
        return at;
    }

    public static String requiredText(Element parent, String namespace, String name, String what) {
        String text = text(parent, namespace, name);
        if (text == null) {
            throw new InvalidErpDocumentException("mandatory " + what + " is missing or empty");
        }
        return text;
    }

    /** A decimal; IDoc amounts may carry a trailing minus ("12.50-"). Null stays null. */
    public static BigDecimal decimal(String text, String what) {
        if (text == null) {
            return null;
        }
        String value = text.endsWith("-") ? "-" + text.substring(0, text.length() - 1).trim() : text;
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new InvalidErpDocumentException(what + " is not a decimal number (digits with a dot)");
        }
    }

    /** An ISO date (YYYY-MM-DD, UBL) or an IDoc date (YYYYMMDD). Null stays null. */
    public static LocalDate date(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 8 ? LocalDate.parse(text, IDOC_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidErpDocumentException(what + " is not a date (YYYY-MM-DD or YYYYMMDD)");
        }
    }
}
