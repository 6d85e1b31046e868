package dk.fsc.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A caseworker, an agent or the administrator registers a citizen in the UI, with the API's rules. */
@FscIntegrationTest
class CitizenRegistrationPageTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static String form(String cpr, String name, String municipality, String email) {
        return "cpr=" + encode(cpr) + "&name=" + encode(name) + "&street=" + encode("Formvej 3") + "&postalCode=8000"
                + "&city=" + encode("Aarhus C") + "&municipalityCode=" + municipality + "&phone=&email=" + encode(email);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    long citizens() {
        return jdbc.sql("select count(*) from citizens.citizen").query(Long.class).single();
    }

    @Test
    void aCaseworkerRegistersACitizenOfTheirMunicipalityAndSeesEachMistakeNextToItsField() {
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        assertThat(caseworker.get("/citizens").body()).contains("href=\"/citizens/new\"");
        assertThat(caseworker.get("/citizens/new").body()).contains("Registrér borger", "<option value=\"751\" selected");
        long before = citizens();

        HttpResponse<String> rejected = caseworker.post("/citizens/new",
                "cpr=3213&name=&street=&postalCode=80&city=X&municipalityCode=730&email="
                        + encode("\"><script>alert(1)</script>@x.dk"));

        String page = rejected.body();
        assertThat(page).contains("aria-describedby=\"cpr-error\"", "skal være et CPR-nummer",
                "aria-describedby=\"street-error\"", "aria-describedby=\"postalCode-error\"", "skal være præcis 4 cifre",
                "aria-describedby=\"email-error\"", "skal være en e-mailadresse",
                "du kan kun oprette borgere i din egen kommune (Aarhus)");
        assertThat(page).doesNotContain("<script>alert");
        assertThat(citizens()).isEqualTo(before);

        String cpr = CitizensApiTest.newCpr();
        HttpResponse<String> registered = caseworker.post("/citizens/new", form(cpr.replace("-", " "),
                "Formular Registreret", "751", "form@example.dk"));

        assertThat(registered.statusCode()).isEqualTo(302);
        String location = registered.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/citizens/[0-9a-f-]{36}").doesNotContain(cpr.substring(0, 6));
        assertThat(caseworker.get(location.substring(location.indexOf("/citizens/"))).body())
                .contains("Formular Registreret", "Borgeren er registreret.");
        assertThat(citizens()).isEqualTo(before + 1);
        assertThat(caseworker.post("/citizens/new", form(cpr, "Igen", "751", "")).body())
                .contains("er allerede registreret");
    }

    @Test
    void rolesThatMayNotRegisterCitizensGetNoForm() {
        for (String user : List.of("homecare-aarhus", "nurse-aarhus", "citizen-aarhus")) {
            WebSession session = WebSession.logIn(port, user, "demo");
            assertThat(session.get("/citizens/new").statusCode()).as(user).isIn(403, 404);
        }
    }
}
