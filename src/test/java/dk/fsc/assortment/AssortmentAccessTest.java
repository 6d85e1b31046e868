package dk.fsc.assortment;

import static dk.fsc.assortment.AssortmentFixtures.FLAT_BASEPLATE;
import static dk.fsc.assortment.AssortmentFixtures.NORDSTOMA;
import static dk.fsc.assortment.AssortmentFixtures.baseplateJson;
import static dk.fsc.assortment.AssortmentFixtures.newCvr;
import static dk.fsc.assortment.AssortmentFixtures.state;
import static dk.fsc.assortment.AssortmentFixtures.supplierJson;
import static dk.fsc.assortment.AssortmentFixtures.unique;
import static dk.fsc.testing.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import dk.fsc.testing.Api;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads for every signed-in user, changes for the administrator only, contracts not for citizens. */
@FscIntegrationTest
class AssortmentAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api as(String user) {
        return Api.as(port, user, "demo");
    }

    @Test
    void everySignedInUserReadsTheAssortmentItsPricesAndRates() {
        for (String user : List.of("analyst", "citizen-aarhus", "caseworker-randers", "warehouse", "finance")) {
            Api api = as(user);
            assertThat(api.get("/api/v1/products?area=STOMA").status()).as(user).isEqualTo(200);
            assertThat(api.get("/api/v1/products/" + FLAT_BASEPLATE).status()).as(user).isEqualTo(200);
            assertThat(api.get("/api/v1/products/" + FLAT_BASEPLATE + "/prices").status()).as(user).isEqualTo(200);
            assertThat(api.get("/api/v1/product-areas").status()).as(user).isEqualTo(200);
            assertThat(api.get("/api/v1/suppliers").status()).as(user).isEqualTo(200);
            assertThat(api.get("/api/v1/service-rates").status()).as(user).isEqualTo(200);
        }
        assertThat(as("analyst").get("/api/v1/contracts").status()).isEqualTo(200);
        assertProblem(as("citizen-aarhus").get("/api/v1/contracts"), 403);
    }

    @Test
    void nobodyButTheAdministratorChangesTheAssortment() {
        List<String> before = state(jdbc);
        for (String user : List.of("agent", "analyst", "finance", "caseworker-aarhus", "citizen-aarhus")) {
            Api api = as(user);
            assertProblem(api.postJson("/api/v1/products", baseplateJson(NORDSTOMA, unique("X"), unique("S"))), 403);
            assertProblem(api.send("PUT", "/api/v1/products/" + FLAT_BASEPLATE, "application/json",
                    baseplateJson(NORDSTOMA, "STO-1201", "NS-BP-F-50")), 403);
            assertProblem(api.postJson("/api/v1/products/" + FLAT_BASEPLATE + "/prices",
                    "{\"validFrom\":\"2040-01-01\",\"priceOre\":1}"), 403);
            assertProblem(api.send("POST", "/api/v1/suppliers/" + NORDSTOMA + "/price-lists", "text/csv",
                    "item_number,price_ore,valid_from\nNS-BP-F-50,1,2040-01-01\n"), 403);
            assertProblem(api.postJson("/api/v1/suppliers", supplierJson(unique("X"), newCvr())), 403);
            assertProblem(api.postJson("/api/v1/contracts", SuppliersApiTest.contractJson(NORDSTOMA, unique("T"),
                    "2030-01-01", "1")), 403);
            assertProblem(api.postJson("/api/v1/service-rates",
                    "{\"kind\":\"SUPPORT\",\"validFrom\":\"2040-01-01\",\"amountOre\":1}"), 403);
            assertProblem(api.postJson("/api/v1/product-areas",
                    "{\"code\":\"XX_" + user.length() + "\",\"nameDa\":\"x\",\"nameEn\":\"x\"}"), 403);
        }
        assertThat(state(jdbc)).isEqualTo(before);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        Api anonymous = Api.anonymous(port);

        assertProblem(anonymous.get("/api/v1/products"), 401);
        assertProblem(anonymous.get("/api/v1/service-rates"), 401);
        assertProblem(anonymous.send("POST", "/api/v1/suppliers/" + NORDSTOMA + "/price-lists", "text/csv", "x"), 401);
    }

    @Test
    void anApiKeyWithAssortmentReadReadsProductsPricesAndRatesButNothingElse() {
        Api.Response created = as("admin").postJson("/api/v1/api-keys",
                "{\"name\":\"Warehouse system " + UUID.randomUUID() + "\",\"scopes\":[\"ASSORTMENT_READ\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api client = Api.withHeader(port, "X-API-Key", created.json().path("key").asString());

        assertThat(client.get("/api/v1/products?q=STO-1201").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/products/" + FLAT_BASEPLATE + "/prices").status()).isEqualTo(200);
        assertThat(client.get("/api/v1/service-rates").status()).isEqualTo(200);
        assertProblem(client.get("/api/v1/contracts"), 403);
        assertProblem(client.get("/api/v1/municipalities"), 403);
        assertProblem(client.postJson("/api/v1/products/" + FLAT_BASEPLATE + "/prices",
                "{\"validFrom\":\"2040-01-01\",\"priceOre\":1}"), 403);
    }
}
