package io.werkbridge.privacy.api;

import java.util.List;
import java.util.stream.Collectors;

/** A register as a table, rendered as CSV (RFC 4180) or as a Markdown document for download. */
record ReportTable(String title, List<String> header, List<List<String>> rows) {

    ReportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    String csv() {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(header));
        rows.forEach(row -> out.append(csvLine(row)));
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");
        out.append(mdLine(header));
        out.append(header.stream().map(h -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        rows.forEach(row -> out.append(mdLine(row)));
        return out.toString();
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(ReportTable::csvCell).collect(Collectors.joining(",", "", "\r\n"));
    }

    /** Quotes when needed; a leading formula character is neutralised so spreadsheets do not evaluate the cell. */
    private static String csvCell(String value) {
        String cell = value == null ? "" : value;
        if (!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String mdLine(List<String> cells) {
        return cells.stream()
                .map(c -> c == null ? "" : c.replace("\\", "\\\\").replace("|", "\\|").replaceAll("[\\r\\n]+", " "))
                .collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
