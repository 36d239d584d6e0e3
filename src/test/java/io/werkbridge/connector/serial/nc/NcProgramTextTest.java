package io.werkbridge.connector.serial.nc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.werkbridge.model.InvalidSourceDataException;
import io.werkbridge.model.NcProgram;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NcProgramTextTest {

    private static NcProgramText.Parsed parse(String text) {
        return NcProgramText.parse(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void splitsEachLineIntoCodeAndCommentSoThatTheyMakeTheLineAgain() {
        String program = "O4711 (BRACKET OP10)\r\n(PROGRAMMER: Erika Beispiel)\nN10 G0 X0 ; rapid (home)\nN20 G1 X5\nM30\n";
        NcProgramText.Parsed parsed = parse(program);

        assertThat(parsed.lines()).containsExactly(
                new NcProgram.Line("O4711 ", "(BRACKET OP10)"),
                new NcProgram.Line("", "(PROGRAMMER: Erika Beispiel)"),
                new NcProgram.Line("N10 G0 X0 ", "; rapid (home)"),
                new NcProgram.Line("N20 G1 X5", null),
                new NcProgram.Line("M30", null));
        assertThat(parsed.programNumber()).isEqualTo("O4711");
        assertThat(parsed.programmer()).isEqualTo("Erika Beispiel");
        assertThat(parsed.length()).isEqualTo(program.length());
    }

    @Test
    void knowsTheHeadersThatNameAProgrammerAndNothingElse() {
        assertThat(parse(":0815\n(ERSTELLT VON MAX MUSTER)\nM30").programmer()).isEqualTo("MAX MUSTER");
        assertThat(parse(":0815\n; Programmierer = Anna Maria Schmidt\nM30").programmer()).isEqualTo("Anna Maria Schmidt");
        assertThat(parse(":0815\n(TOOL 3 BY HAND)\nM30").programmer()).isNull();
        assertThat(parse(":0815\nM30").programNumber()).isEqualTo(":0815");
        assertThat(parse("G90 G54\nM30").programNumber()).isNull();
    }

    @Test
    void refusesAnEmptyOrEightBitProgramWithoutItsText() {
        assertThatThrownBy(() -> NcProgramText.parse(new byte[0])).isInstanceOf(InvalidSourceDataException.class)
                .hasMessage("nc-program is empty between its % marks");
        assertThatThrownBy(() -> NcProgramText.parse(new byte[] {'G', '1', (byte) 0xE4}))
                .hasMessage("nc-program holds an 8-bit character at byte offset 2");
    }
}
