package io.lendpoint.query;

/** Text for exported spreadsheets (CSV, XLSX), the one rule for every export. */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /** Guards against CSV injection: a leading {@code = + - @}, tab or CR would make Excel evaluate the cell. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
