package io.lendpoint.command.loanbatch;

import io.lendpoint.api.loanbatch.ItemDescription;
import io.lendpoint.api.validation.ClcClass;
import io.lendpoint.api.validation.Isbns;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an uploaded item list (§5.2: the library picks the items of a batch by barcode; A.1.3: barcode, title,
 * ISBN, category) from CSV into {@link ItemDescription}s.
 * <p>
 * The file is UTF-8 (a byte order mark is skipped), RFC 4180 CSV with comma separators: fields may be quoted,
 * and quoted fields may hold commas, doubled quotes and line breaks. The first non-empty record is the header;
 * its columns may come in any order, in English or Chinese: {@code barcode/条码}, {@code title/题名},
 * {@code isbn/ISBN}, {@code category/分类号}, {@code price/价格} (required) and {@code year/出版年} (optional, as is
 * the ISBN column). Other columns are ignored; blank records are skipped. Every cell is trimmed.
 * <p>
 * A bad row never aborts the parse: every data row gets a {@link RowResult} with its errors (codes
 * {@code item.*}), so staff can fix all of them at once. Problems with the file as a whole (not UTF-8, no
 * header, a required column missing, more than {@value #MAX_ROWS} rows, …) are {@link FileError}s; rows are
 * then reported only as far as they were read.
 */
final class ItemListCsv {

    /** A batch holds at most this many items, so an item list may have at most this many data rows. */
    static final int MAX_ROWS = 2000;
    /** Generous for {@value #MAX_ROWS} rows of at most 300-character titles; refuses anything far bigger. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    static final String FILE_EMPTY = "item.file-empty";
    static final String FILE_TOO_LARGE = "item.file-too-large";
    static final String FILE_NOT_UTF8 = "item.file-not-utf8";
    static final String FILE_MALFORMED = "item.file-malformed";
    static final String COLUMN_MISSING = "item.column-missing";
    static final String COLUMN_DUPLICATE = "item.column-duplicate";
    static final String NO_ITEMS = "item.no-items";
    static final String TOO_MANY_ROWS = "item.too-many-rows";

    static final String BARCODE_MISSING = "item.barcode-missing";
    static final String BARCODE_INVALID = "item.barcode-invalid";
    static final String DUPLICATE_BARCODE = "item.duplicate-barcode-in-file";
    static final String TITLE_MISSING = "item.title-missing";
    static final String TITLE_TOO_LONG = "item.title-too-long";
    static final String ISBN_INVALID = "item.isbn-invalid";
    static final String CATEGORY_MISSING = "item.category-missing";
    static final String CATEGORY_INVALID = "item.category-invalid";
    static final String PRICE_MISSING = "item.price-missing";
    static final String PRICE_INVALID = "item.price-invalid";
    static final String YEAR_INVALID = "item.year-invalid";
    static final String TOO_MANY_CELLS = "item.too-many-cells";

    /** The same pattern as {@link ItemDescription#barcode()}. */
    private static final Pattern BARCODE = Pattern.compile("[A-Za-z0-9-]{4,32}");
    private static final Pattern PRICE = Pattern.compile("[0-9]{1,7}(\\.[0-9]{1,2})?");
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int MAX_TITLE = 300;
    private static final ClcClass.Validator CLC = new ClcClass.Validator();

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    enum Column {
        BARCODE(true, "barcode", "条码"),
        TITLE(true, "title", "题名"),
        ISBN(false, "isbn", "ISBN"),
        CATEGORY(true, "category", "分类号"),
        PRICE(true, "price", "价格"),
        YEAR(false, "year", "出版年");

        final boolean required;
        final String english;
        final String chinese;

        Column(boolean required, String english, String chinese) {
            this.required = required;
            this.english = english;
            this.chinese = chinese;
        }

        static Column byHeader(String header) {
            for (Column column : values()) {
                if (column.english.equalsIgnoreCase(header) || column.chinese.equals(header)) {
                    return column;
                }
            }
            return null;
        }
    }

    /** A problem with the file as a whole; {@code detail} names the column or the position, if any. */
    record FileError(String code, String detail) {
    }

    /**
     * The outcome for one data row. {@code row} counts records as a spreadsheet does, the header being row 1
     * (a quoted line break does not start a new row); {@code barcode} is as written (trimmed), possibly empty;
     * {@code item} is present exactly when {@code errors} is empty.
     */
    record RowResult(long row, String barcode, List<String> errors, ItemDescription item) {
        RowResult {
            errors = List.copyOf(errors);
        }

        boolean ok() {
            return errors.isEmpty();
        }
    }

    record Result(List<FileError> fileErrors, List<RowResult> rows) {
        Result {
            fileErrors = List.copyOf(fileErrors);
            rows = List.copyOf(rows);
        }

        /** Whether the whole list can be taken: no file error and every row valid. */
        boolean acceptable() {
            return fileErrors.isEmpty() && rows.stream().allMatch(RowResult::ok);
        }

        /** The valid rows' items, in file order. */
        List<ItemDescription> items() {
            return rows.stream().filter(RowResult::ok).map(RowResult::item).toList();
        }

        static Result fileError(String code, String detail) {
            return new Result(List.of(new FileError(code, detail)), List.of());
        }
    }

    private ItemListCsv() {
    }

    /** Reads at most {@value #MAX_BYTES} bytes of {@code upload}; does not close it. */
    static Result parse(InputStream upload) throws IOException {
        byte[] bytes = upload.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Result.fileError(FILE_TOO_LARGE, String.valueOf(MAX_BYTES));
        }
        return parse(bytes);
    }

    static Result parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return Result.fileError(FILE_TOO_LARGE, String.valueOf(MAX_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            // typically a CSV saved by Excel as GBK ("CSV (逗号分隔)") instead of "CSV UTF-8"
            return Result.fileError(FILE_NOT_UTF8, null);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text);
    }

    private static Result parse(String text) {
        List<FileError> fileErrors = new ArrayList<>();
        List<RowResult> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = nextNonBlank(records);
            if (header == null) {
                return Result.fileError(FILE_EMPTY, null);
            }
            Map<Column, Integer> columns = columns(header, fileErrors);
            if (!fileErrors.isEmpty()) {
                return new Result(fileErrors, rows);
            }
            Map<String, List<Integer>> rowsByBarcode = new HashMap<>();
            while (true) {
                CSVRecord record = nextNonBlank(records);
                if (record == null) {
                    break;
                }
                if (rows.size() == MAX_ROWS) {
                    return Result.fileError(TOO_MANY_ROWS, String.valueOf(MAX_ROWS));
                }
                RowResult row = row(record, header.size(), columns);
                if (!row.barcode().isEmpty()) {
                    rowsByBarcode.computeIfAbsent(row.barcode().toUpperCase(Locale.ROOT), b -> new ArrayList<>())
                            .add(rows.size());
                }
                rows.add(row);
            }
            markDuplicates(rows, rowsByBarcode);
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            // commons-csv reports e.g. an unterminated quoted field this way
            fileErrors.add(new FileError(FILE_MALFORMED, malformed.getMessage()));
            return new Result(fileErrors, rows);
        }
        if (rows.isEmpty()) {
            fileErrors.add(new FileError(NO_ITEMS, null));
        }
        return new Result(fileErrors, rows);
    }

    private static CSVRecord nextNonBlank(Iterator<CSVRecord> records) {
        while (records.hasNext()) {
            CSVRecord record = records.next();
            for (String value : record) {
                if (!value.isBlank()) {
                    return record;
                }
            }
        }
        return null;
    }

    private static Map<Column, Integer> columns(CSVRecord header, List<FileError> fileErrors) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Column column = Column.byHeader(header.get(i).strip());
            if (column == null) {
                continue;
            }
            if (columns.putIfAbsent(column, i) != null) {
                fileErrors.add(new FileError(COLUMN_DUPLICATE, column.english));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                fileErrors.add(new FileError(COLUMN_MISSING, column.english));
            }
        }
        return columns;
    }

    private static RowResult row(CSVRecord record, int headerSize, Map<Column, Integer> columns) {
        List<String> errors = new ArrayList<>();
        String barcode = cell(record, columns.get(Column.BARCODE));
        String title = cell(record, columns.get(Column.TITLE));
        String isbn = cell(record, columns.get(Column.ISBN));
        String category = cell(record, columns.get(Column.CATEGORY));
        String price = cell(record, columns.get(Column.PRICE));
        String year = cell(record, columns.get(Column.YEAR));

        if (barcode.isEmpty()) {
            errors.add(BARCODE_MISSING);
        } else if (!BARCODE.matcher(barcode).matches()) {
            errors.add(BARCODE_INVALID);
        }
        if (title.isEmpty()) {
            errors.add(TITLE_MISSING);
        } else if (title.length() > MAX_TITLE) {
            errors.add(TITLE_TOO_LONG);
        }
        if (!isbn.isEmpty() && !Isbns.isValid(isbn)) {
            errors.add(ISBN_INVALID);
        }
        if (category.isEmpty()) {
            errors.add(CATEGORY_MISSING);
        } else if (!CLC.isValid(category, null)) {
            errors.add(CATEGORY_INVALID);
        }
        BigDecimal listPrice = null;
        if (price.isEmpty()) {
            errors.add(PRICE_MISSING);
        } else if (PRICE.matcher(price).matches()) {
            listPrice = new BigDecimal(price);
        } else {
            errors.add(PRICE_INVALID);
        }
        Integer publicationYear = null;
        if (!year.isEmpty()) {
            if (YEAR.matcher(year).matches() && Integer.parseInt(year) >= 1450 && Integer.parseInt(year) <= 2100) {
                publicationYear = Integer.parseInt(year);
            } else {
                errors.add(YEAR_INVALID);
            }
        }
        for (int i = headerSize; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                // more cells than the header has: most often an unquoted comma in a title
                errors.add(TOO_MANY_CELLS);
                break;
            }
        }
        ItemDescription item = errors.isEmpty()
                ? new ItemDescription(barcode, title, isbn.isEmpty() ? null : Isbns.normalise(isbn), category,
                        listPrice, publicationYear)
                : null;
        return new RowResult(record.getRecordNumber(), barcode, errors, item);
    }

    /** Every occurrence of a barcode written more than once (ignoring case) is an error: staff decide which. */
    private static void markDuplicates(List<RowResult> rows, Map<String, List<Integer>> rowsByBarcode) {
        for (List<Integer> indexes : rowsByBarcode.values()) {
            if (indexes.size() < 2) {
                continue;
            }
            for (int index : indexes) {
                RowResult row = rows.get(index);
                List<String> errors = new ArrayList<>(row.errors());
                errors.add(DUPLICATE_BARCODE);
                rows.set(index, new RowResult(row.row(), row.barcode(), errors, null));
            }
        }
    }

    private static String cell(CSVRecord record, Integer column) {
        if (column == null || column >= record.size()) {
            return "";
        }
        return record.get(column).strip();
    }
}
