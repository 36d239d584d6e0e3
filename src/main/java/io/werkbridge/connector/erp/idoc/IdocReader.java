package io.werkbridge.connector.erp.idoc;

import static io.werkbridge.connector.erp.xml.Elements.children;
import static io.werkbridge.connector.erp.xml.Elements.required;
import static io.werkbridge.connector.erp.xml.Elements.text;

import io.werkbridge.connector.erp.ErpDocument;
import io.werkbridge.connector.erp.InvalidErpDocumentException;
import io.werkbridge.model.Address;
import io.werkbridge.model.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * SAP IDoc XML: the root element is the IDoc type ({@code DEBMAS06}, {@code INVOIC02}, ...) and holds one or more
 * {@code IDOC} elements, each with its control record {@code EDI_DC40} and the data segments. DEBMAS becomes a
 * canonical customer, INVOIC02 a canonical invoice; every other type is refused.
 */
public final class IdocReader {

    private static final Pattern DEBMAS = Pattern.compile("DEBMAS0[1-9]");
    private static final String INVOIC = "INVOIC02";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Z0-9_]{1,30}");
    private static final int MAX_IDOCS = 1000;
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=[0-9])");
    private static final DateTimeFormatter IDOC_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private IdocReader() {
    }

    /** Whether the root element looks like IDoc XML (it holds IDOC elements), whatever its type. */
    public static boolean isIdoc(Element root) {
        return root.getNamespaceURI() == null && !children(root, null, "IDOC").isEmpty();
    }

    public static List<ErpDocument> read(Element root, SapPartyKinds partyKinds) {
        String type = root.getLocalName();
        checkType(type);
        List<Element> idocs = children(root, null, "IDOC");
        if (idocs.size() > MAX_IDOCS) {
            throw new InvalidErpDocumentException("more than " + MAX_IDOCS + " IDOC elements in one document; split it");
        }
        return idocs.stream().map(idoc -> readOne(type, idoc, partyKinds)).toList();
    }

    /** Whether {@code type} (the root element's name) is a DEBMAS type: customer master. */
    public static boolean isDebmas(String type) {
        return DEBMAS.matcher(type).matches();
    }

    /** Refuses an IDoc type the hub does not read. */
    public static void checkType(String type) {
        if (!isDebmas(type) && !INVOIC.equals(type)) {
            throw new InvalidErpDocumentException("wrong IDoc type " + (SAFE_NAME.matcher(type).matches() ? type : "(unnamed)")
                    + ": supported are DEBMAS01..09 (customer master) and INVOIC02 (invoice)");
        }
    }

    /** One {@code IDOC} element of a document of {@code type} (checked with {@link #checkType}). */
    public static ErpDocument readOne(String type, Element idoc, SapPartyKinds partyKinds) {
        Element control = required(idoc, null, "EDI_DC40", "segment EDI_DC40 (control record)");
        Instant createdAt = createdAt(control, type);
        ErpDocument document = isDebmas(type) ? DebmasMapper.map(idoc, createdAt, text(control, null, "MESTYP"), partyKinds)
                : InvoicMapper.map(idoc, createdAt);
        return withIdocMessageId(document, control, type);
    }

    /**
     * The message id of an IDoc: a name-based UUID of the sending system (SNDPRN, client MANDT), the IDoc number
     * (DOCNUM, unique per sending system), the IDoc type and the entity key. SAP sends an IDoc again with the same
     * DOCNUM (a retry, BD87/BD88), so the re-sent copy gets the same message id and the delivery ledger delivers it
     * once. Without a DOCNUM the message gets a new id, as any other.
     */
    private static ErpDocument withIdocMessageId(ErpDocument document, Element control, String type) {
        String docnum = text(control, null, "DOCNUM");
        if (docnum == null) {
            return document;
        }
        Envelope e = document.envelope();
        String name = String.join("\u0000", "sap-idoc", String.valueOf(text(control, null, "SNDPRN")),
                String.valueOf(text(control, null, "MANDT")), number(docnum), type, e.key());
        String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        return new ErpDocument(document.flow(),
                new Envelope(id, e.type(), e.key(), e.operation(), e.occurredAt(), e.source(), e.body()));
    }

    /** Checks the control record and returns its creation time (CREDAT, CRETIM, taken as UTC), or now. */
    private static Instant createdAt(Element control, String type) {
        String declared = text(control, null, "IDOCTYP");
        if (declared != null && !declared.equals(type)) {
            throw new InvalidErpDocumentException("EDI_DC40.IDOCTYP does not match the root element (the IDoc type)");
        }
        String date = text(control, null, "CREDAT");
        if (date == null) {
            return Instant.now();
        }
        try {
            String time = text(control, null, "CRETIM");
            return LocalDate.parse(date, DateTimeFormatter.BASIC_ISO_DATE)
                    .atTime(time == null ? LocalTime.MIDNIGHT : LocalTime.parse(time, IDOC_TIME))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidErpDocumentException("EDI_DC40.CREDAT/CRETIM is not a date (YYYYMMDD) and time (HHMMSS)");
        }
    }

    /** An address segment (KNA1, E1EDKA1): street, postal code, city, country; null when all four are empty. */
    static Address address(Element segment) {
        String street = text(segment, null, "STRAS");
        String postalCode = text(segment, null, "PSTLZ");
        String city = text(segment, null, "ORT01");
        String country = text(segment, null, "LAND1");
        return street == null && postalCode == null && city == null && country == null
                ? null : new Address(street, postalCode, city, country);
    }

    /** SAP keeps numbers with leading zeros (ALPHA conversion: 0000100234); the hub uses them without. */
    static String number(String value) {
        return value == null ? null : LEADING_ZEROS.matcher(value).replaceFirst("");
    }

    /** Joins the non-empty parts with a space (NAME1 + NAME2), or null. */
    static String joined(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null) {
                out.append(out.isEmpty() ? "" : " ").append(part);
            }
        }
        return out.isEmpty() ? null : out.toString();
    }
}
