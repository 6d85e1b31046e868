package dk.fsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds, and the committed documentation in docs/modules is what the code
 * generates. When it is not, the test rewrites docs/modules and fails, so the change is reviewed and
 * committed with the code that caused it.
 */
class ModularityTests {

    static final Path COMMITTED = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/generated-docs/modules");

    private final ApplicationModules modules = ApplicationModules.of(FscApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void theCommittedModuleDocumentationIsWhatTheCodeGenerates() throws IOException {
        deleteTree(GENERATED);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> diagrams = Files.list(GENERATED)) {
            diagrams.filter(file -> file.toString().endsWith(".puml")).forEach(ModularityTests::sortRelations);
        }
        try (Stream<Path> pages = Files.list(GENERATED)) {
            pages.filter(file -> file.toString().endsWith(".adoc")).forEach(ModularityTests::sortListedTypes);
        }

        List<String> differences = differences();
        if (!differences.isEmpty()) {
            deleteTree(COMMITTED);
            Files.createDirectories(COMMITTED);
            for (String name : names(GENERATED)) {
                Files.copy(GENERATED.resolve(name), COMMITTED.resolve(name));
            }
        }
        assertThat(differences).as("docs/modules differed from the code and has been rewritten; review and commit it")
                .isEmpty();
    }

    /** The Documenter writes a diagram's relations in the order of a hash set; sorted, every run writes the same file. */
    static void sortRelations(Path diagram) {
        try {
            List<String> lines = Files.readAllLines(diagram);
            List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
            List<String> sorted = new ArrayList<>();
            int next = 0;
            for (String line : lines) {
                sorted.add(line.startsWith("Rel(") ? relations.get(next++) : line);
            }
            Files.write(diagram, sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Documenter lists the events a module listens to in a hash set's order; sorted, every run writes the same page. */
    static void sortListedTypes(Path page) {
        try {
            List<String> lines = Files.readAllLines(page);
            List<String> sorted = new ArrayList<>();
            int at = 0;
            while (at < lines.size()) {
                if (!lines.get(at).startsWith("|* ")) {
                    sorted.add(lines.get(at++));
                    continue;
                }
                List<String> items = new ArrayList<>(List.of(lines.get(at++).substring(1)));
                while (at < lines.size() && lines.get(at).startsWith("* ")) {
                    items.add(lines.get(at++));
                }
                items.sort(null);
                sorted.add("|" + items.getFirst());
                sorted.addAll(items.subList(1, items.size()));
            }
            Files.write(page, sorted);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> differences() throws IOException {
        Set<String> all = new TreeSet<>(names(GENERATED));
        all.addAll(names(COMMITTED));
        List<String> differences = new ArrayList<>();
        for (String name : all) {
            Path committed = COMMITTED.resolve(name);
            Path generated = GENERATED.resolve(name);
            if (!Files.exists(committed)) {
                differences.add(name + " is missing");
            } else if (!Files.exists(generated)) {
                differences.add(name + " describes nothing in the code");
            } else if (Files.mismatch(committed, generated) != -1) {
                differences.add(name + " is out of date");
            }
        }
        return differences;
    }

    static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
