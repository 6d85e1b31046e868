package dk.fsc.shared.problem;

import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.fsc.shared.Cpr;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** No problem document repeats a CPR number, wherever the client put it. */
@FscIntegrationTest
class ProblemsHideCprTest {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.as(port, "admin", "demo");
    }

    static void assertNoCpr(Api.Response answer, int status) {
        assertProblem(answer, status);
        assertThat(Cpr.appearsIn(answer.body())).as(answer.body()).isFalse();
        assertThat(answer.body()).doesNotContain("1957");
    }

    @Test
    void aCprInThePathOfACitizenIsNotEchoedInTheInstance() {
        Api.Response answer = admin().get("/api/v1/citizens/1206851957");

        assertNoCpr(answer, 400);
        assertThat(answer.json().path("instance").asString()).isEqualTo("/api/v1/citizens/XXXXXX-XXXX");
    }

    @Test
    void aCprAsTheCitizenIdOfTheAuditLogIsNotEchoedInTheDetailOrTheErrors() {
        assertNoCpr(admin().get("/api/v1/audit?citizenId=1206851957"), 400);
        assertNoCpr(admin().get("/api/v1/audit?citizenId=120685-1957"), 400);
    }

    @Test
    void noAnswerRepeatsACprWhateverTheErrorAndWhoeverAsks() {
        assertNoCpr(admin().get("/api/v1/orders/120685-1957"), 400);
        assertNoCpr(admin().get("/api/v1/citizens/120685%201957"), 400);
        assertNoCpr(admin().get("/api/v1/no-such-thing/1206851957"), 404);
        assertNoCpr(Api.anonymous(port).get("/api/v1/citizens/1206851957"), 401);
        assertNoCpr(admin().postJson("/api/v1/citizens/search", "{\"name\":1206851957"), 400);
    }

    @Test
    void theDetailTheInstanceAndEveryFieldErrorAreCleaned() {
        ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                "No citizen 1206851957.", "/api/v1/x/120685-1957",
                List.of(new FieldError("cpr[1206851957]", "has an invalid value: '120685 1957'")));

        String shown = Problems.members(problem).toString();

        assertThat(Cpr.appearsIn(shown)).as(shown).isFalse();
        assertThat(shown).contains("No citizen XXXXXX-XXXX.", "/api/v1/x/XXXXXX-XXXX",
                "has an invalid value: 'XXXXXX-XXXX'");
    }

    @Test
    void numbersThatAreNoCprAreLeftAlone() {
        assertThat(Cpr.hideIn("GTIN 05701234567892, order 00000000-0000-4000-8000-000000000000, phone 12345678"))
                .isEqualTo("GTIN 05701234567892, order 00000000-0000-4000-8000-000000000000, phone 12345678");
    }
}
