package dk.fsc.assortment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dk.fsc.testing.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Object mother for the assortment's API tests: suppliers and products that no other test uses. */
final class AssortmentFixtures {

    static final String FLAT_BASEPLATE = "b0000000-0000-4000-8000-000000000005";
    static final String NORDSTOMA = "b1000000-0000-4000-8000-000000000001";
    private static final int[] CVR_WEIGHTS = { 2, 7, 6, 5, 4, 3, 2, 1 };
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private AssortmentFixtures() {
    }

    /** A random CVR number that passes modulus 11. */
    static String newCvr() {
        while (true) {
            String first = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
            int sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += CVR_WEIGHTS[i] * (first.charAt(i) - '0');
            }
            int check = (11 - sum % 11) % 11;
            if (check < 10) {
                return first + check;
            }
        }
    }

    /** A text no other test has used, e.g. for item numbers. */
    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    }

    static String supplierJson(String name, String cvr) {
        return """
                {"name":"%s","cvr":"%s","gln":"5790000123452","contactName":"Test","contactEmail":"test@example.dk",
                 "contactPhone":"+45 12 34 56 78"}""".formatted(name, cvr);
    }

    static String newSupplier(Api admin) {
        Api.Response created = admin.postJson("/api/v1/suppliers", supplierJson(unique("Leverandør"), newCvr()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** A flat baseplate of the supplier with the given own item number. */
    static String baseplateJson(String supplierId, String itemNumber, String supplierItemNumber) {
        return """
                {"itemNumber":"%s","supplierId":"%s","supplierItemNumber":"%s","name":"Testplade %s",
                 "areaCode":"STOMA","groupCode":"STOMA_BASEPLATE","isoCode":"091821","unit":"stk","packSize":10,
                 "activeFrom":"2026-01-01","holeCutting":{"minMm":10,"maxMm":45}}"""
                .formatted(itemNumber, supplierId, supplierItemNumber, itemNumber);
    }

    static String newBaseplate(Api admin, String supplierId, String supplierItemNumber) {
        Api.Response created = admin.postJson("/api/v1/products",
                baseplateJson(supplierId, unique("T"), supplierItemNumber));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** Everything the assortment schema holds, to prove that a rejected request changed nothing. */
    static List<String> state(JdbcClient jdbc) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("area", "product_group", "supplier", "product", "price", "contract",
                "contract_area", "service_rate")) {
            rows.addAll(jdbc.sql("select '" + table + ":' || t::text from assortment." + table + " t order by 1")
                    .query(String.class).list());
        }
        return rows;
    }
}
