package io.lendpoint.api.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lendpoint.api.agreement.RuleSetReference;

/** Reads one rule-set file; the format is described in {@code rules/README.md}. */
final class RuleSetParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,9}(\\.\\d{1,2})?");
    private static final Pattern MULTIPLIER = Pattern.compile("\\d{1,4}(\\.\\d{1,4})?");
    private static final Pattern BAND = Pattern.compile("(\\d{4})-(\\d{4})?\\s+(\\S+)");
    private static final Pattern OLDER = Pattern.compile("(multiplier|fixed)\\s+(\\S+)");

    private static final Set<String> COMMON = Set.of("kind", "id", "version", "effective-from");
    private static final Set<String> FINE_KEYS = Set.of("unit", "rate-per-item-per-day", "cap-per-item",
            "cap-per-case", "rate-per-batch-per-day", "cap-per-batch", "grace-days");
    private static final Set<String> COMPENSATION_KEYS = Set.of("processing-fee", "year-band", "older",
            "imported-multiplier", "damage-minor", "damage-moderate", "damage-severe", "refund-if-found",
            "refund-processing-fee");

    private record Entry(String value, int line) {
    }

    private final String origin;
    private final Map<String, Entry> single = new LinkedHashMap<>();
    private final List<Entry> bands = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    private RuleSetParser(String origin) {
        this.origin = origin;
    }

    static RuleSet parse(Reader source, String origin) throws IOException {
        return new RuleSetParser(origin).read(source);
    }

    private RuleSet read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        int lineNumber = 0;
        String raw;
        while ((raw = reader.readLine()) != null) {
            lineNumber++;
            String line = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw fail(lineNumber, "expected 'key = value', got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw fail(lineNumber, "no value for '" + key + "'");
            }
            if (!COMMON.contains(key) && !FINE_KEYS.contains(key) && !COMPENSATION_KEYS.contains(key)) {
                throw fail(lineNumber, "unknown key '" + key + "'");
            }
            if (key.equals("year-band")) {
                bands.add(new Entry(value, lineNumber));
                continue;
            }
            Entry earlier = single.putIfAbsent(key, new Entry(value, lineNumber));
            if (earlier != null) {
                throw fail(lineNumber, "'" + key + "' is already set on line " + earlier.line());
            }
        }
        String kind = required("kind").value();
        RuleSetReference reference = reference();
        LocalDate effectiveFrom = date(required("effective-from"));
        RuleSet result = switch (kind) {
            case "fines" -> fines(reference, effectiveFrom);
            case "compensation" -> compensation(reference, effectiveFrom);
            default -> throw fail(single.get("kind").line(), "kind must be 'fines' or 'compensation', got '"
                    + kind + "'");
        };
        for (Map.Entry<String, Entry> e : single.entrySet()) {
            if (!used.contains(e.getKey())) {
                throw fail(e.getValue().line(), "'" + e.getKey() + "' does not belong in a " + kind + " rule set"
                        + (kind.equals("fines") ? " with unit " + single.get("unit").value() : ""));
            }
        }
        if (!bands.isEmpty() && !kind.equals("compensation")) {
            throw fail(bands.get(0).line(), "'year-band' does not belong in a " + kind + " rule set");
        }
        return result;
    }

    private RuleSetReference reference() {
        Entry id = required("id");
        if (!ID.matcher(id.value()).matches() || id.value().length() > 64) {
            throw fail(id.line(), "an id is lower-case letters, digits and single hyphens, at most 64 characters,"
                    + " got '" + id.value() + "'");
        }
        Entry version = required("version");
        if (!version.value().matches("[1-9]\\d{0,8}")) {
            throw fail(version.line(), "a version is a whole number from 1, got '" + version.value() + "'");
        }
        return new RuleSetReference(id.value(), Integer.parseInt(version.value()));
    }

    private FineRuleSet fines(RuleSetReference reference, LocalDate effectiveFrom) {
        Entry unitEntry = required("unit");
        FineUnit unit;
        try {
            unit = FineUnit.valueOf(unitEntry.value());
        } catch (IllegalArgumentException e) {
            throw fail(unitEntry.line(), "unit must be PER_ITEM or PER_BATCH, got '" + unitEntry.value() + "'");
        }
        int graceDays = 0;
        Entry grace = optional("grace-days");
        if (grace != null) {
            if (!grace.value().matches("\\d{1,4}")) {
                throw fail(grace.line(), "grace-days is a whole number of days from 0, got '" + grace.value() + "'");
            }
            graceDays = Integer.parseInt(grace.value());
        }
        if (unit == FineUnit.PER_ITEM) {
            return new FineRuleSet(reference, effectiveFrom, unit, amount(required("rate-per-item-per-day")),
                    amountOrNone(required("cap-per-item")), amountOrNone(optional("cap-per-case")), graceDays, origin);
        }
        return new FineRuleSet(reference, effectiveFrom, unit, amount(required("rate-per-batch-per-day")),
                amountOrNone(required("cap-per-batch")), null, graceDays, origin);
    }

    private CompensationRuleSet compensation(RuleSetReference reference, LocalDate effectiveFrom) {
        BigDecimal fee = amount(required("processing-fee"));
        if (bands.isEmpty()) {
            throw fail(0, "no 'year-band' line; at least one is needed, e.g. 'year-band = 2001- 2'");
        }
        List<YearBand> yearBands = new ArrayList<>();
        for (Entry band : bands) {
            Matcher m = BAND.matcher(band.value());
            if (!m.matches()) {
                throw fail(band.line(), "expected 'year-band = FROM-UNTIL MULTIPLIER' or 'FROM- MULTIPLIER',"
                        + " got '" + band.value() + "'");
            }
            int from = Integer.parseInt(m.group(1));
            Integer until = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            if (until != null && until < from) {
                throw fail(band.line(), "year band " + band.value() + " ends before it starts");
            }
            YearBand yearBand = new YearBand(from, until, multiplier(m.group(3), band.line()));
            if (!yearBands.isEmpty()) {
                YearBand newer = yearBands.get(yearBands.size() - 1);
                if (until == null || until != newer.from() - 1) {
                    throw fail(band.line(), "year band " + yearBand.label() + " must end in " + (newer.from() - 1)
                            + ", the year before " + newer.label() + " starts (newest band first, no gaps,"
                            + " no overlaps)");
                }
            } else if (until != null) {
                throw fail(band.line(), "the first (newest) year band must be open-ended, e.g. '" + from
                        + "- 2', got '" + band.value() + "'");
            }
            yearBands.add(yearBand);
        }
        Entry olderEntry = required("older");
        Matcher older = OLDER.matcher(olderEntry.value());
        if (!older.matches()) {
            throw fail(olderEntry.line(), "expected 'older = multiplier N' or 'older = fixed AMOUNT', got '"
                    + olderEntry.value() + "'");
        }
        OlderBooksRule olderBooks = older.group(1).equals("fixed")
                ? new OlderBooksRule(OlderBooksRule.Kind.FIXED, amount(older.group(2), olderEntry.line()))
                : new OlderBooksRule(OlderBooksRule.Kind.MULTIPLIER, multiplier(older.group(2), olderEntry.line()));
        Entry imported = required("imported-multiplier");
        Entry severe = required("damage-severe");
        BigDecimal severeCharge = severe.value().equals("loss") ? null : amount(severe.value(), severe.line());
        return new CompensationRuleSet(reference, effectiveFrom, fee, yearBands, olderBooks,
                multiplier(imported.value(), imported.line()), amount(required("damage-minor")),
                amount(required("damage-moderate")), severeCharge, bool(required("refund-if-found")),
                bool(required("refund-processing-fee")), origin);
    }

    private Entry required(String key) {
        Entry entry = optional(key);
        if (entry == null) {
            throw fail(0, "'" + key + "' is missing");
        }
        return entry;
    }

    private Entry optional(String key) {
        used.add(key);
        return single.get(key);
    }

    private LocalDate date(Entry entry) {
        if (!entry.value().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw fail(entry.line(), "expected a date YYYY-MM-DD, got '" + entry.value() + "'");
        }
        try {
            return LocalDate.parse(entry.value());
        } catch (DateTimeParseException e) {
            throw fail(entry.line(), "not a valid date: '" + entry.value() + "'");
        }
    }

    private BigDecimal amount(Entry entry) {
        return amount(entry.value(), entry.line());
    }

    private BigDecimal amount(String text, int line) {
        if (!AMOUNT.matcher(text).matches()) {
            throw fail(line, "expected an amount in yuan with at most two decimals, e.g. 10.00, got '" + text + "'");
        }
        return Yuan.of(new BigDecimal(text));
    }

    private BigDecimal amountOrNone(Entry entry) {
        if (entry == null || entry.value().equals("none")) {
            return null;
        }
        return amount(entry);
    }

    private BigDecimal multiplier(String text, int line) {
        if (!MULTIPLIER.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
            throw fail(line, "expected a positive multiplier, e.g. 2 or 1.5, got '" + text + "'");
        }
        return new BigDecimal(text);
    }

    private boolean bool(Entry entry) {
        return switch (entry.value()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw fail(entry.line(), "expected true or false, got '" + entry.value() + "'");
        };
    }

    private MalformedRuleSetException fail(int line, String problem) {
        return new MalformedRuleSetException(origin, line, problem);
    }
}
