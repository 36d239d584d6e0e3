package io.werkbridge.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Canonical NC program a machine's control punched out to the hub (schema {@code nc-program}), for the ERP/PDM archive.
 * Each line is its code and its comment (from the first {@code (} or {@code ;} to the line's end), so a line is
 * {@code code + comment} again. Comments are free text and may name people: the programmer a comment names in a
 * header such as {@code (PROGRAMMER: ...)} is carried as {@code programmer}, so the gate's scrub finds the name in
 * every comment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NcProgram(
        String machineNumber,
        String machineType,
        String customerNumber,
        String programNumber,
        Instant receivedAt,
        int length,
        int lineCount,
        @PersonalData Programmer programmer,
        List<Line> lines) {

    /** The person a program header names as its author. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Programmer(@PersonalData String name) {
    }

    /** One line (block): code, and the comment from its first opener to the end of the line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String code, @PersonalData String comment) {
    }
}
