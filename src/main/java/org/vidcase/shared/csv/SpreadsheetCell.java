package org.vidcase.shared.csv;

/**
 * One CSV cell as a spreadsheet will read it safely (OWASP "CSV Injection"; ASVS 5 V1.2.10): every
 * cell quoted with its quotes doubled (RFC 4180 2.6 and 2.7), and a cell whose text begins with
 * {@code = + - @}, a tab, a carriage return or a line feed is prefixed with a single quote, which
 * Excel, LibreOffice and Google Sheets take as "this is text" instead of running it as a formula.
 * Values stay as they are everywhere else; JSON is not a spreadsheet and carries them verbatim.
 */
public final class SpreadsheetCell {

    private static final String FORMULA_STARTS = "=+-@\t\r\n";

    private SpreadsheetCell() {
    }

    /** The cell for this value, quoted; an empty cell for null. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        String text = startsLikeFormula(value) ? "'" + value : value;
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * The value of a cell this class wrote, read back: the single quote it put before a formula
     * character is dropped, so an export imported again gives the names it was made from.
     */
    public static String restore(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsLikeFormula(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    static boolean startsLikeFormula(String value) {
        return !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0;
    }
}
