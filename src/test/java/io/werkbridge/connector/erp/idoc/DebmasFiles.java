package io.werkbridge.connector.erp.idoc;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

/**
 * Synthetic DEBMAS06 files of many customers, as an SAP file port writes them for an initial load: one IDoc per
 * customer (a company with one contact person and a bank account), customer numbers {@code prefix + index}, IDoc
 * numbers (DOCNUM) likewise, so a file made twice holds the same IDocs. All data invented.
 */
public final class DebmasFiles {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DEBMAS06>\n";
    private static final String TAIL = "</DEBMAS06>\n";

    private DebmasFiles() {
    }

    /** The customer number of IDoc {@code index} (0-based); {@code prefix} is up to 4 digits. */
    public static String customer(String prefix, int index) {
        return prefix + String.format("%06d", index);
    }

    /** One IDoc; {@code index} 0-based. */
    public static String idoc(String prefix, int index) {
        String number = customer(prefix, index);
        return """
                  <IDOC BEGIN="1">
                    <EDI_DC40 SEGMENT="1"><TABNAM>EDI_DC40</TABNAM><MANDT>100</MANDT><DOCNUM>%s</DOCNUM>\
                <IDOCTYP>DEBMAS06</IDOCTYP><MESTYP>DEBMAS</MESTYP><SNDPOR>SAPS4H</SNDPOR><SNDPRT>LS</SNDPRT>\
                <SNDPRN>S4HCLNT100</SNDPRN><RCVPRN>WERKBRIDGE</RCVPRN><CREDAT>20261201</CREDAT><CRETIM>080000</CRETIM></EDI_DC40>
                    <E1KNA1M SEGMENT="1"><MSGFN>005</MSGFN><KUNNR>%s</KUNNR><KTOKD>0001</KTOKD><LAND1>DE</LAND1>\
                <NAME1>Lastlauf Maschinenbau %d</NAME1><NAME2>GmbH</NAME2><ORT01>Bielefeld</ORT01><PSTLZ>33602</PSTLZ>\
                <STRAS>Industriestr. %d</STRAS><SPRAS>D</SPRAS><STCEG>DE123456789</STCEG>
                      <E1KNVKM SEGMENT="1"><MSGFN>005</MSGFN><PARNR>%010d</PARNR><NAMEV>Erika</NAMEV><NAME1>Musterfrau</NAME1>\
                <TELF1>+49 521 5550 %04d</TELF1><ANRED>Frau</ANRED><PAFKT>01</PAFKT><SMTP_ADDR>einkauf.%s@example.com</SMTP_ADDR></E1KNVKM>
                      <E1KNBKM SEGMENT="1"><MSGFN>005</MSGFN><BANKS>DE</BANKS><BANKL>37040044</BANKL><BANKN>0532013000</BANKN>\
                <KOINH>Lastlauf Maschinenbau GmbH</KOINH><SWIFT>COBADEFFXXX</SWIFT><IBAN>DE89370400440532013000</IBAN></E1KNBKM>
                    </E1KNA1M>
                  </IDOC>
                """.formatted(number, number, index, index % 200 + 1, index, index % 10_000, number);
    }

    /** A file of {@code count} IDocs, written as it is generated (never whole in memory); {@code idoc} makes each. */
    public static void write(Path file, int count, IntFunction<String> idoc) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEAD);
            for (int i = 0; i < count; i++) {
                out.write(idoc.apply(i));
            }
            out.write(TAIL);
        }
    }

    public static void write(Path file, String prefix, int count) throws IOException {
        write(file, count, i -> idoc(prefix, i));
    }

    /** The same file as a stream made while it is read; {@code served} counts the bytes handed out so far. */
    public static InputStream stream(int count, IntFunction<String> idoc, long[] served) {
        return new SequenceInputStream(new Enumeration<InputStream>() {
            private int next = -1;

            @Override
            public boolean hasMoreElements() {
                return next <= count;
            }

            @Override
            public InputStream nextElement() {
                if (next > count) {
                    throw new NoSuchElementException();
                }
                String part = next < 0 ? HEAD : next == count ? TAIL : idoc.apply(next);
                next++;
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                served[0] += bytes.length;
                return new ByteArrayInputStream(bytes);
            }
        });
    }
}
