package io.lendpoint.api.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.lendpoint.api.agreement.RuleSetReference;

/**
 * A.2.4, A.2.5, §5.4.2: the rule sets a deployment knows, looked up by the {@link RuleSetReference} an agreement
 * carries.
 *
 * <p>The bundled sets ({@value #FINES_STANDARD_V1}, {@value #COMPENSATION_STANDARD_V1} under {@code rules/} on the
 * class path) are always loaded. A library adds its own versions without a code change: it puts files named
 * {@code <id>-v<version>.txt} into a directory and sets the configuration property {@value #DIRECTORY_PROPERTY} to
 * it; the Spring side passes that to {@link #load(Path)}. A version is immutable: the same id and version defined
 * twice (also by a copy of a bundled file) fails the load with {@link DuplicateRuleSetException}; a malformed file
 * fails it with {@link MalformedRuleSetException} naming the line. Instances are immutable and thread-safe.
 */
public final class RuleSets {

    /** The configuration property naming a directory of additional rule-set files. */
    public static final String DIRECTORY_PROPERTY = "lendpoint.rules.dir";

    /** A.2.4: the default fine rules. */
    public static final String FINES_STANDARD_V1 = "rules/fines-standard-v1.txt";

    /** A.2.5, §5.4.2: the default compensation rules. */
    public static final String COMPENSATION_STANDARD_V1 = "rules/compensation-standard-v1.txt";

    /** The reference of the bundled default fine rules. */
    public static final RuleSetReference FINES_STANDARD = new RuleSetReference("fines-standard", 1);

    /** The reference of the bundled default compensation rules. */
    public static final RuleSetReference COMPENSATION_STANDARD = new RuleSetReference("compensation-standard", 1);

    private static final List<String> BUNDLED = List.of(FINES_STANDARD_V1, COMPENSATION_STANDARD_V1);

    private static RuleSets bundled;

    private final Map<RuleSetReference, RuleSet> byReference;

    private RuleSets(Map<RuleSetReference, RuleSet> byReference) {
        this.byReference = Collections.unmodifiableMap(byReference);
    }

    /** The bundled rule sets only, read on first use and then shared. */
    public static synchronized RuleSets bundled() {
        if (bundled == null) {
            bundled = of(bundledSets());
        }
        return bundled;
    }

    /**
     * The bundled rule sets plus every {@code *.txt} file directly in {@code directory} (other files, such as a
     * README, are ignored), e.g. the directory named by {@value #DIRECTORY_PROPERTY}.
     *
     * @throws IllegalArgumentException if {@code directory} is not a readable directory
     */
    public static RuleSets load(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("The rule-set directory " + directory + " (" + DIRECTORY_PROPERTY
                    + ") does not exist or is not a directory");
        }
        List<RuleSet> sets = new ArrayList<>(bundledSets());
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the rule-set directory " + directory, e);
        }
        for (Path file : files) {
            sets.add(read(file));
        }
        return of(sets);
    }

    /** The given rule sets, e.g. for tests; duplicates are refused as in {@link #load(Path)}. */
    public static RuleSets of(Collection<? extends RuleSet> sets) {
        Map<RuleSetReference, RuleSet> byReference = new LinkedHashMap<>();
        for (RuleSet set : sets) {
            RuleSet earlier = byReference.putIfAbsent(set.reference(), set);
            if (earlier != null) {
                throw new DuplicateRuleSetException(set.reference(), earlier.origin(), set.origin());
            }
        }
        return new RuleSets(byReference);
    }

    /** One rule-set file (UTF-8). Its name must be {@code <id>-v<version>.txt}, matching its content. */
    public static RuleSet read(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return requireFileName(parse(reader, file.toString()), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule-set file " + file, e);
        }
    }

    /** A rule set read from {@code reader} (not closed here); {@code origin} names it in error messages. */
    public static RuleSet parse(Reader reader, String origin) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(origin, "origin");
        try {
            return RuleSetParser.parse(reader, origin);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the rule-set file " + origin, e);
        }
    }

    /** A.2.4: the fine rules of {@code reference}. @throws UnknownRuleSetException if none, or not fine rules */
    public FineRuleSet fines(RuleSetReference reference) {
        return find(reference, FineRuleSet.class, "fine");
    }

    /** A.2.5, §5.4.2: the compensation rules of {@code reference}. @throws UnknownRuleSetException if none */
    public CompensationRuleSet compensation(RuleSetReference reference) {
        return find(reference, CompensationRuleSet.class, "compensation");
    }

    /** Every loaded rule set, in load order (bundled first). */
    public Collection<RuleSet> all() {
        return byReference.values();
    }

    private <T extends RuleSet> T find(RuleSetReference reference, Class<T> type, String what) {
        Objects.requireNonNull(reference, "reference");
        RuleSet set = byReference.get(reference);
        if (set == null) {
            List<Integer> versions = byReference.keySet().stream().filter(r -> r.id().equals(reference.id()))
                    .map(RuleSetReference::version).sorted().toList();
            throw new UnknownRuleSetException(reference, "not loaded" + (versions.isEmpty()
                    ? " (no version of this id is known; check " + DIRECTORY_PROPERTY + ")"
                    : " (known versions: " + versions + ")"));
        }
        if (!type.isInstance(set)) {
            throw new UnknownRuleSetException(reference, "is not a " + what + " rule set (" + set.origin() + ")");
        }
        return type.cast(set);
    }

    private static RuleSet requireFileName(RuleSet set, String fileName) {
        String expected = set.reference().id() + "-v" + set.reference().version() + ".txt";
        if (!fileName.equals(expected)) {
            throw new MalformedRuleSetException(set.origin(), 0, "the file defines " + set.reference().id() + " v"
                    + set.reference().version() + " and must be named " + expected);
        }
        return set;
    }

    private static List<RuleSet> bundledSets() {
        List<RuleSet> sets = new ArrayList<>();
        for (String resource : BUNDLED) {
            String origin = "classpath:" + resource;
            InputStream in = RuleSets.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("The bundled rule set " + origin + " is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                String fileName = resource.substring(resource.lastIndexOf('/') + 1);
                sets.add(requireFileName(parse(reader, origin), fileName));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the rule set " + origin, e);
            }
        }
        return sets;
    }
}
