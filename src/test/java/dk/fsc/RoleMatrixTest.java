package dk.fsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dk.fsc.testing.Api;
import dk.fsc.testing.Demo;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks the role matrix of {@code docs/security.md} against the running platform: every
 * request of the table as every role's demo user and without credentials, expecting the
 * status in the cell. The table is read from the document, so the two cannot drift apart.
 */
@FscIntegrationTest
class RoleMatrixTest {

    /** The demo user of each column of the table, in its order; "" calls without credentials. */
    static final List<String> COLUMNS = List.of("admin", "agent", "warehouse", "technician", "finance",
            "finance-aarhus", "analyst", "caseworker-aarhus", "homecare-aarhus", "nurse-aarhus", "citizen-aarhus", "");

    @LocalServerPort
    int port;

    static Stream<Arguments> cells() throws IOException {
        List<Arguments> cells = new ArrayList<>();
        List<String> rows = matrixRows();
        assertThat(rows).as("rows of the role matrix in docs/security.md").hasSizeGreaterThan(10);
        for (String row : rows) {
            List<String> columns = Arrays.stream(row.split("\\|")).map(String::strip).skip(1).toList();
            assertThat(columns).as(row).hasSize(2 + COLUMNS.size());
            String request = columns.get(1).replace("`", "");
            for (int i = 0; i < COLUMNS.size(); i++) {
                cells.add(Arguments.of(columns.get(0), COLUMNS.get(i).isEmpty() ? "(none)" : COLUMNS.get(i), request,
                        Integer.parseInt(columns.get(2 + i))));
            }
        }
        return cells.stream();
    }

    /** The table rows under "## Role matrix", without its header. */
    static List<String> matrixRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs", "security.md"));
        int heading = lines.indexOf("## Role matrix");
        return lines.stream().skip(heading + 1).dropWhile(line -> !line.startsWith("|"))
                .takeWhile(line -> line.startsWith("|")).skip(2).toList();
    }

    @ParameterizedTest(name = "{0} as {1}: {3}")
    @MethodSource("cells")
    void answersAsDocumented(String operation, String user, String request, int status) {
        String[] parts = request.replace("{aarhus}", Demo.CITIZEN_AARHUS).replace("{randers}", Demo.CITIZEN_RANDERS)
                .split(" ", 3);
        Api caller = user.equals("(none)") ? Api.anonymous(port) : Api.as(port, user, "demo");
        String body = parts.length > 2 ? parts[2] : "";

        Api.Response response = parts[0].equals("GET") ? caller.get(parts[1])
                : caller.send(parts[0], parts[1], body.startsWith("{") ? "application/json" : "text/csv", body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(status >= 400 ? "application/problem+json" : "application/json");
    }
}
