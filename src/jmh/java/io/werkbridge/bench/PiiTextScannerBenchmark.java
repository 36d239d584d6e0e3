package io.werkbridge.bench;

import io.werkbridge.privacy.text.Finding;
import io.werkbridge.privacy.text.PiiTextScanner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of scrubbing one free-text field of about 2 KB, as a service report's work description or a
 * ticket's remarks would be: once with personal data in it, once purely technical (the common case,
 * where nothing is replaced), and the bare {@code find}. All data is synthetic.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:java -Dexec.args="PiiTextScannerBenchmark -f 1 -wi 3 -i 5"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PiiTextScannerBenchmark {

    private static final String PERSONAL = """
            Einsatz am 20.11.2026 um 10:15 bei Maschine DMU-50-3 (SN 1234567890), Auftrag ORD-2026-000123. \
            Ansprechpartnerin Erika Mustermann, Tel. +49 (0)521 123-4567, mobil 0171 1234567, \
            Mail erika.mustermann@example.com. Spindel SK40-12345 getauscht, Ersatzteil PN 0815-4711-0001 \
            und A2C-123456789 verbaut; Rechnung INV 2026/4711 über 1.234,56 EUR geht an IBAN \
            DE89 3704 0044 0532 0130 00. Kunde zahlte Anzahlung mit Karte 4111 1111 1111 1111. \
            Fernwartung von 203.0.113.77 und 2001:db8:abcd:12:1::1 aus, Firmware 10.4.2 auf Steuerung. \
            Herr Müller (Instandhaltung) bestätigt Probelauf 10:15:30 bis 11:02:00, Zähler 00012345. \
            """;

    private static final String TECHNICAL = """
            Einsatz am 20.11.2026 um 10:15 bei Maschine DMU-50-3 (SN 1234567890), Auftrag ORD-2026-000123. \
            Spindeldrehzahl 12000 1/min, Vorschub 0,05 mm/U, Temperatur -20 bis +60 °C gemessen. \
            Spindel SK40-12345 getauscht, Ersatzteil PN 0815-4711-0001 und A2C-123456789 verbaut; \
            Rechnung INV 2026/4711 über 1.234,56 EUR, Rabatt 12,345.67 USD, Versand € 99,90. \
            Alarm 1010 an Achse X quittiert, Programm O1234 neu geladen, Version 1.2.3 auf Steuerung. \
            Probelauf 2026-11-20T10:15:00Z bis 2026-11-20T11:02:00Z, Zähler 00012345, Lieferung KW 47/2026. \
            """;

    private static final List<String> NAMES = List.of("Erika", "Mustermann", "Müller");

    private final PiiTextScanner scanner = new PiiTextScanner();
    private String personalText;
    private String technicalText;

    @Setup
    public void setUp() {
        personalText = toAbout2Kb(PERSONAL);
        technicalText = toAbout2Kb(TECHNICAL);
    }

    private static String toAbout2Kb(String paragraph) {
        StringBuilder text = new StringBuilder(2_200);
        while (text.length() < 2_048) {
            text.append(paragraph);
        }
        return text.toString();
    }

    @Benchmark
    public String scrubWithPersonalData() {
        return scanner.scrub(personalText, NAMES);
    }

    @Benchmark
    public String scrubTechnicalOnly() {
        return scanner.scrub(technicalText, NAMES);
    }

    @Benchmark
    public List<Finding> findWithPersonalData() {
        return scanner.find(personalText, NAMES);
    }
}
