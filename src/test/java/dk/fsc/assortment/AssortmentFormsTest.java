package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.newCvr;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.assortment.AssortmentFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.TimeConfiguration;
import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import dk.fsc.testing.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The administrator keeps the assortment in the UI: suppliers, contracts, products and device
 * models, prices and rates in kroner as Danes type them, with the API's rules and the reasons
 * next to each field, in Danish.
 */
@FscIntegrationTest
class AssortmentFormsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    WebSession admin() {
        return WebSession.logIn(port, "admin", "demo");
    }

    LocalDate inDays(int days) {
        return LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME)).plusDays(days);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static UUID createdId(HttpResponse<String> answer, String path) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains(path);
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The reason shown next to a field, tied to it for screen readers. */
    static void assertReasonNextTo(String page, String field, String reason) {
        assertThat(page).contains("id=\"" + field + "\"").contains("aria-describedby=\"" + field + "-error\"")
                .contains("id=\"" + field + "-error\"");
        int at = page.indexOf("id=\"" + field + "-error\"");
        assertThat(page.substring(at, page.indexOf("</p>", at))).contains(reason);
    }

    String newSupplier(WebSession admin) {
        return createdId(admin.post("/suppliers", "name=" + encode(unique("Formleverandør")) + "&cvr=" + newCvr()
                + "&contactEmail=salg%40example.dk&contactPhone=12345678"), "/suppliers/").toString();
    }

    @Test
    void theAdministratorAddsAndChangesASupplierAndSeesEachMistakeInDanishNextToItsField() {
        WebSession admin = admin();
        List<String> before = state(jdbc);

        HttpResponse<String> rejected = admin.post("/suppliers",
                "name=&cvr=12345678&gln=123&contactEmail=" + encode("\"><script>@x.dk") + "&contactPhone=12");

        assertThat(rejected.statusCode()).isEqualTo(200);
        assertReasonNextTo(rejected.body(), "name", "skal være 1 til 200 tegn");
        assertReasonNextTo(rejected.body(), "cvr", "modulus 11");
        assertReasonNextTo(rejected.body(), "gln", "GLN-nummer");
        assertReasonNextTo(rejected.body(), "contactEmail", "e-mailadresse");
        assertReasonNextTo(rejected.body(), "contactPhone", "8 cifre");
        assertThat(state(jdbc)).isEqualTo(before);

        String id = newSupplier(admin);
        String cvr = newCvr();
        HttpResponse<String> changed = admin.post("/suppliers/" + id, "name=" + encode("Ændret Leverandør " + cvr)
                + "&cvr=" + cvr);
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/suppliers/" + id).body()).contains("Ændret Leverandør " + cvr, "Ændringerne er gemt.");
        assertThat(jdbc.sql("select cvr from assortment.supplier where id = ?::uuid").param(id).query(String.class)
                .single()).isEqualTo(cvr);
    }

    @Test
    void theAdministratorAddsAContractWithADanishDiscountAndChangesIt() {
        WebSession admin = admin();
        String supplier = newSupplier(admin);
        String tender = unique("UDBUD");
        String form = "tenderReference=" + tender + "&supplierId=" + supplier + "&areaCodes=STOMA&areaCodes=UROLOGY"
                + "&validFrom=" + inDays(0) + "&validTo=" + inDays(700) + "&discountPercent=" + encode("10,5")
                + "&notes=Prøve";

        UUID id = createdId(admin.post("/contracts", form), "/contracts/");

        assertThat(jdbc.sql("select discount_percent::text from assortment.contract where id = ?").param(id)
                .query(String.class).single()).isEqualTo("10.50");
        HttpResponse<String> rejected = admin.post("/contracts/" + id, form.replace("areaCodes=STOMA&", "")
                .replace("10%2C5", "101").replace("validTo=" + inDays(700), "validTo=" + inDays(-1)));
        assertReasonNextTo(rejected.body(), "discountPercent", "procentsats fra 0 til 100");
        assertReasonNextTo(rejected.body(), "validTo", "må ikke ligge før startdatoen");
        assertThat(admin.post("/contracts/" + id, form.replace("&areaCodes=UROLOGY", "")).statusCode()).isEqualTo(302);
        assertThat(admin.get("/contracts").body()).contains(tender, "Stomi");
        assertThat(jdbc.sql("select count(*) from assortment.contract_area where contract_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAdministratorAddsAProductAndADeviceModelAndChangesThem() {
        WebSession admin = admin();
        String supplier = newSupplier(admin);
        String itemNumber = unique("FORM");
        String plate = "itemNumber=" + itemNumber + "&supplierId=" + supplier + "&supplierItemNumber=" + itemNumber
                + "&name=" + encode("Formplade flad") + "&areaCode=STOMA&groupCode=STOMA_BASEPLATE&isoCode=091821"
                + "&unit=stk&packSize=10&activeFrom=" + inDays(0) + "&holeMin=10&holeMax=45";

        HttpResponse<String> rejected = admin.post("/assortment/products", plate.replace("holeMin=10", "holeMin=50")
                .replace("groupCode=STOMA_BASEPLATE", "groupCode=UROLOGY_CATHETER").replace("packSize=10", "packSize=0"));
        assertReasonNextTo(rejected.body(), "holeMin", "er større end det største hul");
        assertReasonNextTo(rejected.body(), "groupCode", "hører til et andet område end produktets");
        assertReasonNextTo(rejected.body(), "packSize", "skal være mellem 1 og 100000");

        UUID id = createdId(admin.post("/assortment/products", plate), "/assortment/products/");
        assertThat(admin.post("/assortment/products/" + id, plate.replace("Formplade+flad", "Formplade+konveks"))
                .statusCode()).isEqualTo(302);
        assertThat(admin.get("/assortment/products/" + id).body()).contains("Formplade konveks", "10–45 mm");
        assertThat(admin.get("/assortment/products/" + id + "/edit").body()).contains("value=\"" + itemNumber + "\"");

        String model = "itemNumber=" + unique("DISP") + "&supplierId=" + supplier + "&supplierItemNumber="
                + unique("D") + "&name=Formdispenser&areaCode=DISPENSER&unit=stk&packSize=1&activeFrom=" + inDays(0);
        assertReasonNextTo(admin.post("/assortment/products", model + "&functions=ALARM&doseSlots=5000").body(),
                "doseSlots", "skal være mellem 1 og 1000");
        UUID device = createdId(admin.post("/assortment/products", model + "&functions=ALARM&doseSlots=28"),
                "/assortment/products/");
        assertThat(jdbc.sql("select dose_slots from assortment.product where id = ?").param(device)
                .query(Integer.class).single()).isEqualTo(28);
    }

    @Test
    void pricesAndRatesAreTypedInKronerAsDanesWriteThem() {
        WebSession admin = admin();
        String from = inDays(30).toString();
        String product = AssortmentFixtures.newBaseplate(Api.as(port, "admin", "demo"),
                AssortmentFixtures.newSupplier(Api.as(port, "admin", "demo")), unique("K"));

        HttpResponse<String> rejected = admin.post("/assortment/products/" + product + "/prices",
                "validFrom=" + inDays(0) + "&price=" + encode("8,1,0"));
        assertReasonNextTo(rejected.body(), "price", "beløb");
        assertReasonNextTo(rejected.body(), "validFrom", "skal ligge efter i dag");

        assertThat(admin.post("/assortment/products/" + product + "/prices", "validFrom=" + from + "&price="
                + encode("1.810,50")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select price_ore from assortment.price where product_id = ?::uuid and valid_from = ?")
                .params(product, LocalDate.parse(from)).query(Long.class).single()).isEqualTo(181050);
        assertThat(admin.get("/assortment/products/" + product).body()).contains("1.810,50 kr", "indtastet");

        String rateFrom = inDays(40 + (int) (System.nanoTime() % 300)).toString();
        assertReasonNextTo(admin.post("/service-rates", "kind=DEVICE_LEASE&validFrom=" + rateFrom + "&amount=12")
                .body(), "productId", "udstyrsmodel");
        assertThat(admin.post("/service-rates", "kind=SUPPORT&validFrom=" + rateFrom + "&amount=" + encode("12,75"))
                .statusCode()).isEqualTo(302);
        assertThat(admin.get("/service-rates?date=" + rateFrom).body()).contains("12,75 kr");
    }

    @Test
    void aPriceListWithADanishHeaderAndOneLineSaysOneNewPriceInTheSingular() {
        WebSession admin = admin();
        Api api = Api.as(port, "admin", "demo");
        String supplier = AssortmentFixtures.newSupplier(api);
        String itemNumber = unique("PL");
        AssortmentFixtures.newBaseplate(api, supplier, itemNumber);

        HttpResponse<String> loaded = admin.post("/suppliers/" + supplier + "/price-lists", "text="
                + encode("Varenummer;Pris;Gyldig_fra\n" + itemNumber + ";810,00;" + inDays(20) + "\n"));

        assertThat(loaded.body()).contains("1 ny pris er indlæst; ingen fandtes allerede uændret.");
        HttpResponse<String> refused = admin.post("/suppliers/" + supplier + "/price-lists", "text="
                + encode("varenummer;pris;gyldig_fra\nNOPE;810,00;" + inDays(20) + "\n" + itemNumber + ";x;2020-01-01\n"));
        assertThat(refused.body()).contains("Intet blev gemt", "2 linjer er forkerte.", "Linje 2", "ukendt varenummer",
                "Linje 3", "er ikke et beløb i kroner som 810,00");
    }
}
