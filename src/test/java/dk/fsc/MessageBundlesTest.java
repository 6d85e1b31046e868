package dk.fsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every text of the UI exists in Danish and in English, so neither language shows the other's words. */
class MessageBundlesTest {

    @Test
    void theDanishAndEnglishBundlesHaveTheSameKeys() throws IOException {
        List<Path> english;
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources"))) {
            english = files.filter(file -> file.getFileName().toString().endsWith("_en.properties")).toList();
        }
        assertThat(english).hasSizeGreaterThanOrEqualTo(3);
        for (Path en : english) {
            Path da = en.resolveSibling(en.getFileName().toString().replace("_en.properties", ".properties"));
            assertThat(load(en).stringPropertyNames()).as(en.toString())
                    .containsExactlyInAnyOrderElementsOf(load(da).stringPropertyNames());
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
