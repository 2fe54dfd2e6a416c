package org.vidcase.csv;

/**
 * One CSV cell as a spreadsheet will read it safely (OWASP "CSV Injection"; ASVS 5 V1.2.10): every
 * cell quoted with its quotes doubled (RFC 4180 2.6 and 2.7), and a cell whose text begins with
 * {@code = + - @}, a tab, a carriage return or a line feed is prefixed with a single quote, which
 * Excel, LibreOffice and Google Sheets take as "this is text" instead of running it as a formula.
 * Values stay as they are everywhere else; JSON is not a spreadsheet and carries them verbatim.
 * Plain Java: the exchange's ICSE CSV writer uses it as the case exports do.
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
        return '"' + text(value).replace("\"", "\"\"") + '"';
    }

    /**
     * The value's text as a spreadsheet will not run it, for a CSV writer that quotes by itself:
     * prefixed with a single quote where it begins like a formula; null stays null.
     */
    public static String text(String value) {
        return value != null && startsLikeFormula(value) ? "'" + value : value;
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
