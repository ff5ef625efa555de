// Reads a CSV file the way Gephi's spreadsheet importer does (SpreadsheetUtils.configureCSVParser in
// gephi/gephi: Apache Commons CSV, backslash escape, trimmed cells, "" read as null) and prints each
// record's cells, separated by U+001F, records by U+001E, a null cell as U+0000.
// Used by tests/test_export_csv.py when a JDK and Debian's libcommons-csv-java are installed.
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

public class GephiCsv {
    public static void main(String[] args) throws Exception {
        CSVFormat format = CSVFormat.DEFAULT.withDelimiter(',').withEscape('\\').withIgnoreEmptyLines(true)
            .withNullString("").withIgnoreSurroundingSpaces(true).withTrim(true);
        InputStreamReader in = new InputStreamReader(new FileInputStream(args[0]), StandardCharsets.UTF_8);
        in.read();  // the byte-order mark, which Gephi skips the same way
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        StringBuilder text = new StringBuilder();
        try (CSVParser parser = new CSVParser(in, format)) {
            for (CSVRecord record : parser) {
                for (int i = 0; i < record.size(); i++) {
                    if (i > 0) text.append('\u001f');
                    String cell = record.get(i);
                    text.append(cell == null ? "\u0000" : cell);
                }
                text.append('\u001e');
            }
        }
        out.print(text);
    }
}
