package io.werkbridge.connector.serial.nc;

import io.werkbridge.model.InvalidSourceDataException;
import io.werkbridge.model.NcProgram;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an NC program (the text between the tape's {@code %} marks, 7-bit ASCII, lines ended by LF or CR LF) into
 * lines of code and comment. A comment runs from the first {@code (} or {@code ;} of a line to its end, so that
 * {@code code + comment} is the line again; ISO/Fanuc/Heidenhain-DIN comments are in parentheses, Siemens and many
 * others after a semicolon. The program number is the first line's {@code O1234}, {@code :1234} or {@code %PM}-less
 * name such as {@code O1234 (NAME)}. A header comment {@code (PROGRAMMER: name)} (also PROGRAMMIERER, PROGRAMMED BY,
 * AUTHOR, AUTOR, ERSTELLT VON, BEARBEITER, PRG) gives the programmer; nothing else of a comment is interpreted.
 */
public final class NcProgramText {

    private static final Pattern PROGRAM_NUMBER = Pattern.compile("^\\s*([O:]\\d{1,8})\\b");
    private static final Pattern PROGRAMMER = Pattern.compile("^[(;]\\s*(?:PROGRAMMER|PROGRAMMIERER|PROGRAMMED BY"
            + "|PROGRAMMIERT VON|AUTHOR|AUTOR|ERSTELLT VON|BEARBEITER|PRG)\\b\\s*[:=.-]?\\s*([^)]{2,80}?)\\s*\\)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private NcProgramText() {
    }

    /** What the hub takes from a program's text. */
    public record Parsed(String programNumber, String programmer, List<NcProgram.Line> lines, int length) {
    }

    /**
     * @throws InvalidSourceDataException if the program is empty or not 7-bit text (the framing lets only 7-bit code
     *     through, so this is a defect of the caller)
     */
    public static Parsed parse(byte[] program) {
        if (program.length == 0) {
            throw new InvalidSourceDataException("nc-program is empty between its % marks");
        }
        for (int i = 0; i < program.length; i++) {
            if (program[i] < 0) {
                throw new InvalidSourceDataException("nc-program holds an 8-bit character at byte offset " + i);
            }
        }
        String text = new String(program, StandardCharsets.US_ASCII);
        List<NcProgram.Line> lines = new ArrayList<>();
        String programNumber = null;
        String programmer = null;
        for (String line : text.split("\r?\n", -1)) {
            int opener = commentStart(line);
            String code = opener < 0 ? line : line.substring(0, opener);
            String comment = opener < 0 ? null : line.substring(opener);
            if (programNumber == null && !code.isBlank()) {
                Matcher number = PROGRAM_NUMBER.matcher(code);
                programNumber = number.find() ? number.group(1).toUpperCase(Locale.ROOT) : "";
            }
            if (programmer == null && comment != null) {
                Matcher author = PROGRAMMER.matcher(comment);
                if (author.find()) {
                    programmer = author.group(1).strip();
                }
            }
            lines.add(new NcProgram.Line(code, comment));
        }
        if (lines.size() > 1 && lines.get(lines.size() - 1).code().isEmpty() && lines.get(lines.size() - 1).comment() == null) {
            lines.remove(lines.size() - 1); // the line end of the last line, not a line of its own
        }
        return new Parsed(programNumber == null || programNumber.isEmpty() ? null : programNumber, programmer,
                List.copyOf(lines), program.length);
    }

    private static int commentStart(String line) {
        int paren = line.indexOf('(');
        int semicolon = line.indexOf(';');
        if (paren < 0) {
            return semicolon;
        }
        return semicolon < 0 ? paren : Math.min(paren, semicolon);
    }
}
