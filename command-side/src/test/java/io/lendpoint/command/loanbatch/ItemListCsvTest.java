package io.lendpoint.command.loanbatch;

import io.lendpoint.api.loanbatch.ItemDescription;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static io.lendpoint.command.loanbatch.ItemListCsv.FileError;
import static io.lendpoint.command.loanbatch.ItemListCsv.Result;
import static io.lendpoint.command.loanbatch.ItemListCsv.RowResult;
import static org.assertj.core.api.Assertions.assertThat;

class ItemListCsvTest {

    private static final String HEADER = "barcode,title,isbn,category,price,year\r\n";
    private static ValidatorFactory validatorFactory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void close() {
        validatorFactory.close();
    }

    private static Result parse(String csv) {
        return ItemListCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("§5.2 a valid item list becomes item descriptions in file order, ISBNs normalised")
    void validFile() {
        Result result = parse(HEADER
                + "A0000001,平凡的世界,978-7-5302-1200-4,I247.5,108.00,2012\r\n"
                + "A0000002,Java 编程思想,7-111-21382-3,TP312,99.5,\r\n"
                + "A0000003,古籍影印本,,K204,0,1450\r\n");

        assertThat(result.fileErrors()).isEmpty();
        assertThat(result.acceptable()).isTrue();
        assertThat(result.rows()).extracting(RowResult::row).containsExactly(2L, 3L, 4L);
        assertThat(result.items()).containsExactly(
                new ItemDescription("A0000001", "平凡的世界", "9787530212004", "I247.5", new BigDecimal("108.00"),
                        2012),
                new ItemDescription("A0000002", "Java 编程思想", "7111213823", "TP312", new BigDecimal("99.5"), null),
                new ItemDescription("A0000003", "古籍影印本", null, "K204", new BigDecimal("0"), 1450));
        assertThat(result.items()).allSatisfy(item -> assertThat(validator.validate(item)).isEmpty());
    }

    @Test
    @DisplayName("§5.2 Chinese headers in another order, a UTF-8 BOM and blank lines are accepted")
    void chineseHeadersAndBom() throws IOException {
        String csv = "\uFEFF价格,分类号,条码,题名,出版年,ISBN\n\n"
                + "36.00,I247.5,B-0001,活着,2017,9787530216781\n"
                + ",,,,,\n"
                + "42.80,K825.6,B-0002,苏东坡传,,\n";
        Result result = ItemListCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(result.acceptable()).as(result.toString()).isTrue();
        assertThat(result.items()).extracting(ItemDescription::barcode).containsExactly("B-0001", "B-0002");
        assertThat(result.items().get(0).title()).isEqualTo("活着");
        assertThat(result.items().get(0).isbn()).isEqualTo("9787530216781");
        assertThat(result.items().get(1).listPrice()).isEqualByComparingTo("42.80");
    }

    @Test
    @DisplayName("§5.2 quoted titles keep their commas, doubled quotes and line breaks; rows count records")
    void quotedFields() {
        Result result = parse(HEADER
                + "C0000001,\"Hello, World\",,TP3,10,\r\n"
                + "C0000002,\"一首诗\r\n第二行\",,I22,12.30,\r\n"
                + "C0000003,\"The \"\"Quoted\"\" Book\",,I561,8,\r\n");

        assertThat(result.acceptable()).as(result.toString()).isTrue();
        assertThat(result.items()).extracting(ItemDescription::title)
                .containsExactly("Hello, World", "一首诗\r\n第二行", "The \"Quoted\" Book");
        assertThat(result.rows()).extracting(RowResult::row).containsExactly(2L, 3L, 4L);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "',Title,,I247,10,'                    | item.barcode-missing",
            "'AB,Title,,I247,10,'                  | item.barcode-invalid",
            "'AB 12345,Title,,I247,10,'            | item.barcode-invalid",
            "'D0000001,,,I247,10,'                 | item.title-missing",
            "'D0000001,Title,9787111547427,I247,10,' | item.isbn-invalid",
            "'D0000001,Title,978711154742,I247,10,'  | item.isbn-invalid",
            "'D0000001,Title,,,10,'                | item.category-missing",
            "'D0000001,Title,,L12,10,'             | item.category-invalid",
            "'D0000001,Title,,i247,10,'            | item.category-invalid",
            "'D0000001,Title,,I247,,'              | item.price-missing",
            "'D0000001,Title,,I247,-1,'            | item.price-invalid",
            "'D0000001,Title,,I247,1.234,'         | item.price-invalid",
            "'D0000001,Title,,I247,¥12,'           | item.price-invalid",
            "'D0000001,Title,,I247,\"12,50\",'     | item.price-invalid",
            "'D0000001,Title,,I247,12345678,'      | item.price-invalid",
            "'D0000001,Title,,I247,10,1449'        | item.year-invalid",
            "'D0000001,Title,,I247,10,2101'        | item.year-invalid",
            "'D0000001,Title,,I247,10,二〇一二'    | item.year-invalid",
            "'D0000001,Title,,I247,10,,fragile'    | item.too-many-cells"})
    @DisplayName("§5.2 each bad cell is reported for its row with its code, the other rows stay valid")
    void perRowErrors(String badRow, String code) {
        Result result = parse(HEADER + "E0000001,Good,,I247,1,\r\n" + badRow + "\r\nE0000002,Good too,,I247,2,\r\n");

        assertThat(result.fileErrors()).isEmpty();
        assertThat(result.acceptable()).isFalse();
        assertThat(result.rows()).hasSize(3);
        RowResult bad = result.rows().get(1);
        assertThat(bad.row()).isEqualTo(3);
        assertThat(bad.errors()).as(result.toString()).containsExactly(code);
        assertThat(bad.item()).isNull();
        assertThat(result.items()).extracting(ItemDescription::barcode).containsExactly("E0000001", "E0000002");
    }

    @Test
    @DisplayName("§5.2 an unquoted comma in a title shifts the cells: the row is refused, naming the extra cell")
    void unquotedComma() {
        Result result = parse(HEADER + "D0000001,Title, Part 2,,I247,10,2001\r\n");
        assertThat(result.rows().get(0).errors()).contains("item.too-many-cells");
        assertThat(result.items()).isEmpty();
    }

    @Test
    @DisplayName("§5.2 a title over 300 characters is refused; one row may carry several errors")
    void longTitleAndSeveralErrors() {
        Result result = parse(HEADER
                + "F0000001," + "书".repeat(301) + ",,I247,1,\r\n"
                + ",,bad,,,\r\n");

        assertThat(result.rows().get(0).errors()).containsExactly("item.title-too-long");
        assertThat(result.rows().get(1).errors()).containsExactly("item.barcode-missing", "item.title-missing",
                "item.isbn-invalid", "item.category-missing", "item.price-missing");
    }

    @Test
    @DisplayName("§5.2 every occurrence of a barcode written twice (ignoring case) is reported, with its row")
    void duplicateBarcodes() {
        Result result = parse(HEADER
                + "G0000001,One,,I247,1,\r\n"
                + "G0000002,Two,,I247,1,\r\n"
                + "g0000001,Three,,I247,1,\r\n"
                + "G0000002,Four,,L1,1,\r\n");

        assertThat(result.rows()).extracting(RowResult::row, RowResult::barcode, RowResult::errors).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "G0000001", List.of("item.duplicate-barcode-in-file")),
                org.assertj.core.groups.Tuple.tuple(3L, "G0000002", List.of("item.duplicate-barcode-in-file")),
                org.assertj.core.groups.Tuple.tuple(4L, "g0000001", List.of("item.duplicate-barcode-in-file")),
                org.assertj.core.groups.Tuple.tuple(5L, "G0000002",
                        List.of("item.category-invalid", "item.duplicate-barcode-in-file")));
        assertThat(result.items()).isEmpty();
    }

    @Test
    @DisplayName("§5.2 a batch holds at most 2000 items: 2000 rows are taken, 2001 rows are one file error")
    void rowLimit() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 2000; i++) {
            csv.append(String.format("H%07d,Title %d,,I247,1.50,%n", i, i));
        }
        Result full = parse(csv.toString());
        assertThat(full.acceptable()).isTrue();
        assertThat(full.items()).hasSize(2000);

        csv.append("H9999999,One too many,,I247,1,\n");
        Result tooMany = parse(csv.toString());
        assertThat(tooMany.fileErrors()).containsExactly(new FileError("item.too-many-rows", "2000"));
        assertThat(tooMany.rows()).isEmpty();
        assertThat(tooMany.acceptable()).isFalse();
    }

    @Test
    @DisplayName("§5.2 an empty file, a BOM only or a header without rows is a file error")
    void emptyFiles() {
        assertThat(parse("").fileErrors()).containsExactly(new FileError("item.file-empty", null));
        assertThat(parse("\uFEFF").fileErrors()).containsExactly(new FileError("item.file-empty", null));
        assertThat(parse("\r\n,,\r\n").fileErrors()).containsExactly(new FileError("item.file-empty", null));
        Result headerOnly = parse(HEADER);
        assertThat(headerOnly.fileErrors()).containsExactly(new FileError("item.no-items", null));
        assertThat(headerOnly.acceptable()).isFalse();
    }

    @Test
    @DisplayName("§5.2 missing or duplicated required columns are file errors; unknown columns are ignored")
    void headerProblems() {
        Result missing = parse("barcode,title,isbn,year,notes\r\nA0000001,T,,2001,x\r\n");
        assertThat(missing.fileErrors()).containsExactly(new FileError("item.column-missing", "category"),
                new FileError("item.column-missing", "price"));
        assertThat(missing.rows()).isEmpty();

        Result duplicate = parse("barcode,条码,title,category,price\r\nA0000001,A0000002,T,I247,1\r\n");
        assertThat(duplicate.fileErrors()).containsExactly(new FileError("item.column-duplicate", "barcode"));

        Result extra = parse("Notes, Barcode ,TITLE,category,price\r\nfragile,A0000001,T,I247,1\r\n");
        assertThat(extra.acceptable()).as(extra.toString()).isTrue();
        assertThat(extra.items().get(0).barcode()).isEqualTo("A0000001");
        assertThat(extra.items().get(0).isbn()).isNull();
    }

    @Test
    @DisplayName("§5.2 a file that is not UTF-8 (Excel's GBK CSV) is one file error, not garbled titles")
    void notUtf8() {
        byte[] gbk = (HEADER + "A0000001,平凡的世界,,I247,1,\r\n").getBytes(Charset.forName("GBK"));
        assertThat(ItemListCsv.parse(gbk).fileErrors()).containsExactly(new FileError("item.file-not-utf8", null));
    }

    @Test
    @DisplayName("§5.2 an unterminated quote is a file error; the rows read before it are still reported")
    void malformed() {
        Result result = parse(HEADER + "A0000001,Fine,,I247,1,\r\nA0000002,\"Never closed,,I247,1,\r\n");
        assertThat(result.fileErrors()).extracting(FileError::code).containsExactly("item.file-malformed");
        assertThat(result.rows()).extracting(RowResult::barcode).containsExactly("A0000001");
        assertThat(result.acceptable()).isFalse();
    }

    @Test
    @DisplayName("§5.2 an upload over the byte limit is refused without parsing it")
    void tooLarge() throws IOException {
        byte[] big = new byte[ItemListCsv.MAX_BYTES + 1];
        assertThat(ItemListCsv.parse(new ByteArrayInputStream(big)).fileErrors())
                .extracting(FileError::code).containsExactly("item.file-too-large");
    }

    @Test
    @DisplayName("§5.2 A.1.3 ItemDescription's constraints refuse what the CSV reader refuses")
    void beanValidationAgrees() {
        assertThat(violations(new ItemDescription("AB", "T", null, "I247", BigDecimal.ONE, null)))
                .containsExactly("barcode");
        assertThat(violations(new ItemDescription("A0000001", " ", null, "I247", BigDecimal.ONE, null)))
                .containsExactly("title");
        assertThat(violations(new ItemDescription("A0000001", "T".repeat(301), null, "I247", BigDecimal.ONE, null)))
                .containsExactly("title");
        assertThat(violations(new ItemDescription("A0000001", "T", "9787111547427", "I247", BigDecimal.ONE, null)))
                .containsExactly("isbn");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "L1", BigDecimal.ONE, null)))
                .containsExactly("category");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", new BigDecimal("-0.01"), null)))
                .containsExactly("listPrice");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", new BigDecimal("1.234"), null)))
                .containsExactly("listPrice");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", new BigDecimal("12345678"), null)))
                .containsExactly("listPrice");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", null, null)))
                .containsExactly("listPrice");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", BigDecimal.ONE, 1449)))
                .containsExactly("publicationYear");
        assertThat(violations(new ItemDescription("A0000001", "T", null, "I247", BigDecimal.ONE, 2101)))
                .containsExactly("publicationYear");
        assertThat(violations(new ItemDescription("A-1", "T", null, "I247", BigDecimal.ONE, 2000)))
                .containsExactly("barcode");
        assertThat(violations(new ItemDescription("A000-1", "T", "0-8044-2957-x", "K825.6", new BigDecimal("9999999.99"),
                2100))).isEmpty();
    }

    private static List<String> violations(ItemDescription item) {
        Set<ConstraintViolation<ItemDescription>> violations = validator.validate(item);
        return violations.stream().map(v -> v.getPropertyPath().toString()).distinct().toList();
    }
}
