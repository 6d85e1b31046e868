package dk.fsc.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each role's menu and start page lead only to pages the role can use. */
@FscIntegrationTest
class RoleStartPagesTest {

    private static final List<String> DEMO_USERS = List.of("admin", "agent", "warehouse", "technician", "finance",
            "analyst", "caseworker-aarhus", "caseworker-randers", "homecare-aarhus", "homecare-randers",
            "nurse-aarhus", "citizen-aarhus", "citizen-randers", "finance-aarhus");

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"]*)\"");

    @LocalServerPort
    int port;

    @Test
    void everyMenuAndStartPageLinkOfEveryDemoUserAnswers200() {
        for (String user : DEMO_USERS) {
            WebSession session = WebSession.logIn(port, user, "demo");
            HttpResponse<String> home = session.get("/");
            assertThat(home.statusCode()).as(user).isEqualTo(200);
            Set<String> links = new LinkedHashSet<>(links(part(home.body(), "<nav", "</nav>")));
            List<String> startPage = links(part(home.body(), "<main", "</main>"));
            assertThat(startPage).as("%s's start page has work of its own", user).isNotEmpty();
            links.addAll(startPage);
            for (String link : links) {
                HttpResponse<String> answer = session.follow(session.get(link));
                assertThat(answer.statusCode()).as("%s: %s", user, link).isEqualTo(200);
            }
        }
    }

    @Test
    void aCitizenSeesNeitherSuppliersRatesMunicipalitiesPopulationsNorTheApiPage() {
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        String home = citizen.get("/").body();

        assertThat(links(part(home, "<nav", "</nav>"))).containsExactly("/my/orders", "/my/profile",
                "/me/access-log", "/my/contacts", "/assortment");
        assertThat(links(part(home, "<main", "</main>"))).doesNotContain("/suppliers", "/service-rates",
                "/municipalities", "/populations", "/swagger-ui.html", "/citizens");
    }

    @Test
    void theCitizensProfileLeadsBackToTheirStartPageNotToSearch() {
        WebSession citizen = WebSession.logIn(port, "citizen-aarhus", "demo");
        HttpResponse<String> profile = citizen.follow(citizen.get("/my/profile"));

        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(profile.uri().getPath()).isEqualTo("/citizens/" + dk.fsc.testing.Demo.CITIZEN_AARHUS);
        assertThat(profile.body()).contains("id=\"contact-form\"");
        List<String> links = links(part(profile.body(), "<main", "</main>"));
        assertThat(links).contains("/").doesNotContain("/citizens");
        assertThat(WebSession.logIn(port, "agent", "demo").get("/my/profile").statusCode()).isEqualTo(404);
    }

    @Test
    void eachRoleGetsCardsToItsOwnModulesPages() {
        assertThat(WebSession.logIn(port, "warehouse", "demo").get("/").body())
                .contains("Varemodtagelse, beholdning pr. parti", "href=\"/warehouse\"").doesNotContain("Befolkningstal")
                .doesNotContain("kommer senere");
        assertThat(WebSession.logIn(port, "technician", "demo").get("/").body()).contains("href=\"/my-day\"");
        assertThat(WebSession.logIn(port, "analyst", "demo").get("/").body()).contains("href=\"/indicators\"");
        assertThat(WebSession.logIn(port, "finance", "demo").get("/").body())
                .contains("href=\"/invoicing\"").contains("href=\"/service-rates\"");
    }

    @Test
    void theAccessibilityStatementAndTheFaviconArePublicAndLinkedFromEveryPage() {
        WebSession anonymous = WebSession.anonymous(port);
        HttpResponse<String> statement = anonymous.get("/tilgaengelighed");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.body()).contains("Tilgængelighedserklæring", "Overensstemmelsesstatus",
                "Indhold, der ikke er tilgængeligt", "Feedback og kontaktoplysninger", "Håndhævelsesprocedure",
                "Digitaliseringsstyrelsen", "29. november 2026", "href=\"tel:+4570000000\"",
                "href=\"mailto:kontakt@fsc.example\"");
        assertThat(anonymous.get("/tilgaengelighed?lang=en").body()).contains("Accessibility statement",
                "Compliance status", "Enforcement procedure");
        assertThat(anonymous.get("/login").body()).contains("href=\"/tilgaengelighed\"", "href=\"/favicon.svg\"");
        assertThat(anonymous.get("/favicon.ico").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    private static String part(String html, String from, String to) {
        int start = html.indexOf(from);
        return html.substring(start, html.indexOf(to, start));
    }

    private static List<String> links(String html) {
        Matcher href = HREF.matcher(html);
        List<String> found = new java.util.ArrayList<>();
        while (href.find()) {
            found.add(href.group(1).replace("&amp;", "&"));
        }
        return found;
    }
}
