package dk.fsc.identity;

import static dk.fsc.testing.Demo.CITIZEN_AARHUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator binds a citizen's login by finding the citizen by name or CPR number and
 * choosing them by name and municipality, not by typing an internal id; the CPR number never
 * comes back in a page or a URL.
 */
@FscIntegrationTest
class UserPagesCitizenChoiceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAdministratorFindsACitizenByNameOrCprAndCreatesTheirLogin() {
        WebSession admin = WebSession.logIn(port, "admin", "demo");
        String cpr = registeredCpr();
        String list = admin.get("/admin/users").body();
        assertThat(list).contains("Find borger").doesNotContain("Borger-id");

        HttpResponse<String> byName = admin.post("/admin/users", "username=&displayName=&password=&roles=CITIZEN"
                + "&citizenQuery=Sorensen&citizenId=");
        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.body()).contains("Birthe Sørensen, Aarhus", "value=\"" + CITIZEN_AARHUS + "\"");

        HttpResponse<String> byCpr = admin.post("/admin/users/citizens", "citizenQuery=" + cpr.replace("-", "+")
                + "&citizenId=");
        assertThat(byCpr.body()).contains("Valg Af Borger, Aarhus").doesNotContain(cpr.substring(0, 6));
        assertThat(admin.post("/admin/users/citizens", "citizenQuery=x").body()).contains("skal være 2 til 200 tegn");

        String username = "borger-" + System.nanoTime();
        HttpResponse<String> created = admin.post("/admin/users", "username=" + username
                + "&displayName=Birthe&password=et-langt-kodeord-123&roles=CITIZEN&citizenId=" + CITIZEN_AARHUS);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).doesNotContain(CITIZEN_AARHUS);
        assertThat(admin.get("/admin/users/" + username).body()).contains("Birthe Sørensen, Aarhus");
    }

    @Test
    void theUserListNamesMunicipalitiesNotTheirCodes() {
        WebSession admin = WebSession.logIn(port, "admin", "demo");
        String list = admin.get("/admin/users?q=caseworker-aarhus").body();
        int row = list.indexOf("data-username=\"caseworker-aarhus\"");
        assertThat(list.substring(row, list.indexOf("</tr>", row))).contains("Aarhus").doesNotContain(">751<");
    }

    /** A citizen of Aarhus registered for this test, by CPR number. */
    private String registeredCpr() {
        String cpr = String.format("0101%02d-%04d", 40 + (int) (System.nanoTime() % 50), (int) (System.nanoTime() % 4000));
        Api.Response created = Api.as(port, "admin", "demo").postJson("/api/v1/citizens", """
                {"cpr":"%s","name":"Valg Af Borger","address":{"street":"Vej 1","postalCode":"8000","city":"Aarhus C"},
                 "municipalityCode":"751"}""".formatted(cpr));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return cpr;
    }
}
