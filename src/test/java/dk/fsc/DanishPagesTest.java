package dk.fsc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.fsc.testing.Demo;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page a demo user reaches from the menu and the pages they link to, and the answers to
 * forms sent with mistakes, read as a Danish user reads them: no English sentence and no
 * upper-case code (STOMA, REFERENCE_READ) in the visible text.
 */
@FscIntegrationTest
class DanishPagesTest {

    private static final List<String> USERS = List.of("admin", "agent", "warehouse", "technician", "finance",
            "analyst", "caseworker-aarhus", "homecare-aarhus", "nurse-aarhus", "citizen-aarhus", "finance-aarhus");
    private static final int MAX_PAGES_PER_USER = 40;

    /**
     * An upper-case code: three capitals or more, or capitals joined by underscores; not a part
     * of an item number (STO-1192, NS-CAT-F12).
     */
    private static final Pattern CODE = Pattern.compile("(?U)(?<![\\w-])[A-Z]{3,}(?:_[A-Z0-9]+)*(?![\\w-])");
    private static final Set<String> ACRONYMS = Set.of("CPR", "GTIN", "CVR", "GLN", "OIOUBL", "XML", "ISO", "FSC", "API", "CSV",
            "WCAG", "HTTP", "HTTPS", "UUID", "EAN", "PDF", "URL", "OK", "EU", "GS1", "SMS", "UTF", "OIDC", "MITID",
            "FOLK1A", "KOL");
    private static final List<String> ENGLISH = List.of(" the ", " must ", " invalid ", " lines", " is not ",
            " is required", " characters", " already ", "Search", " Save", " price list", " whole number",
            " of the ", " has a ", " known ", "Error", " between ", " only for ", " and ", " must be");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern NOT_VISITED = Pattern.compile(
            "^/(logout|login|swagger-ui|v3/api-docs|webjars|css|js|actuator|favicon)|[?]");

    @LocalServerPort
    int port;

    @Test
    void everyPageEachDemoUserReachesIsDanish() {
        List<String> findings = new ArrayList<>();
        for (String user : USERS) {
            WebSession session = WebSession.logIn(port, user, "demo");
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            while (!queue.isEmpty() && seen.size() < MAX_PAGES_PER_USER) {
                String path = queue.removeFirst();
                if (!seen.add(path)) {
                    continue;
                }
                HttpResponse<String> page = session.get(path);
                if (page.statusCode() != 200) {
                    continue;
                }
                findings.addAll(notDanish(user + " " + path, page.body()));
                Matcher link = LINK.matcher(page.body());
                while (link.find()) {
                    String next = link.group(1).replace("&amp;", "&");
                    if (!NOT_VISITED.matcher(next).find() && !seen.contains(next)) {
                        queue.addLast(next);
                    }
                }
            }
            assertThat(seen).as(user + "'s pages").hasSizeGreaterThan(3);
        }
        assertThat(findings).isEmpty();
    }

    @Test
    void formsSentWithMistakesAnswerInDanish() {
        WebSession admin = WebSession.logIn(port, "admin", "demo");
        List<String> findings = new ArrayList<>();
        String supplier = "/suppliers/b1000000-0000-4000-8000-000000000001";
        check(findings, admin, supplier + "/price-lists",
                "text=item_number%2Cprice_ore%2Cvalid_from%0Anope%2C-1%2Cyesterday%0AX%2C1%2C2020-01-01");
        check(findings, admin, "/populations", "year=20x&text=751%2C1000");
        check(findings, admin, "/admin/api-keys", "name=");
        check(findings, admin, "/admin/users", "username=&displayName=&password=x&citizenId=nope");
        check(findings, admin, "/suppliers", "name=&cvr=123&gln=1&contactEmail=x");
        check(findings, admin, "/contracts", "tenderReference=&supplierId=&validFrom=x&discountPercent=200");
        check(findings, admin, "/assortment/products", "itemNumber=%3F&areaCode=STOMA&groupCode=UROLOGY_CATHETER"
                + "&packSize=0&gtin=1&isoCode=x&holeMin=5&holeMax=1");
        check(findings, admin, "/assortment/products/b0000000-0000-4000-8000-000000000001/prices",
                "validFrom=2000-01-01&price=x");
        check(findings, admin, "/service-rates", "kind=DEVICE_LEASE&validFrom=2000-01-01&amount=-1");
        check(findings, admin, "/citizens/new", "cpr=1&name=&postalCode=1&email=x");
        WebSession caseworker = WebSession.logIn(port, "caseworker-aarhus", "demo");
        check(findings, caseworker, "/citizens/" + Demo.CITIZEN_AARHUS + "/contact", "phone=12&email=x%40");
        assertThat(findings).isEmpty();
    }

    private void check(List<String> findings, WebSession session, String path, String form) {
        HttpResponse<String> answer = session.post(path, form);
        assertThat(answer.statusCode()).as(path).isIn(200, 400, 409, 422);
        findings.addAll(notDanish("POST " + path, answer.body()));
    }

    /** What a reader of the Danish page would see that is not Danish. */
    static List<String> notDanish(String where, String html) {
        String text = visibleText(html);
        List<String> found = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            if (!ACRONYMS.contains(code.group().toUpperCase(Locale.ROOT))) {
                found.add(where + ": code " + code.group() + " in \"" + around(text, code.start()) + "\"");
            }
        }
        for (String english : ENGLISH) {
            int at = text.indexOf(english);
            if (at >= 0) {
                found.add(where + ": English \"" + english.strip() + "\" in \"" + around(text, at) + "\"");
            }
        }
        return found;
    }

    /** The text of the page and of the attributes read out (labels, titles, placeholders), without English links and technical messages marked as English. */
    static String visibleText(String html) {
        String withoutHidden = html.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?is)<(a|code|textarea)\\b[^>]*\\blang=\"en\"[^>]*>.*?</\\1>", " ")
                .replaceAll("(?is)<!--.*?-->", " ");
        StringBuilder attributes = new StringBuilder();
        Matcher attribute = Pattern.compile("(?i)\\b(?:aria-label|title|placeholder|alt)=\"([^\"]*)\"")
                .matcher(withoutHidden);
        while (attribute.find()) {
            attributes.append(' ').append(attribute.group(1));
        }
        return (withoutHidden.replaceAll("(?s)<[^>]*>", " ") + attributes).replace("&amp;", "&")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\\s+", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60));
    }
}
