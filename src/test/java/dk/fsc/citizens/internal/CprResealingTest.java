package dk.fsc.citizens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.fsc.shared.Cpr;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A key rotation: the job seals every CPR again under the new key, leaves the rows it already
 * sealed alone, and the lookup by CPR keeps working; rotated back, the platform reads them as before.
 */
@FscIntegrationTest
class CprResealingTest {

    static final String DEMO_KEY = "pVzUnWEiBrZSLe4fdMpYO3E+8pcJz+EZ0DUChguL8ms=";
    static final String DEMO_HASH_KEY = "WWS/NM2pu+dOqrpLYKEQURSfQ2iW+e8L4e6LPIPFOJk=";
    static final String NEW_KEY = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI=";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CprVault platform;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyCprIsSealedAgainUnderTheNewKeyOnceAndReadAsBeforeAfterwards() {
        Api caseworker = Api.as(port, "caseworker-aarhus", "demo");
        UUID citizen = UUID.fromString(Citizens.register(caseworker, "751", "Nøgle Skift"));
        Cpr cpr = platform.decrypt(sealed(citizen));
        long citizens = jdbc.sql("select count(*) from citizens.citizen").query(Long.class).single();

        CprVault rotated = vault(Map.of("2027", NEW_KEY), "2027");
        assertThat(CprResealing.reseal(jdbc, rotated)).isEqualTo(citizens);
        assertThat(CprVault.keyId(sealed(citizen))).isEqualTo("2027");
        assertThat(rotated.decrypt(sealed(citizen))).isEqualTo(cpr);
        assertThat(CprResealing.reseal(jdbc, rotated)).as("a second run finds nothing to do").isZero();

        assertThat(CprResealing.reseal(jdbc, vault(Map.of("2027", NEW_KEY), "0"))).isEqualTo(citizens);
        assertThat(CprVault.keyId(sealed(citizen))).isEqualTo("0");
        assertThat(platform.decrypt(sealed(citizen))).isEqualTo(cpr);
        assertThat(caseworker.get("/api/v1/citizens/" + citizen).status()).isEqualTo(200);
    }

    @Test
    void aRowAnotherTransactionHoldsIsLeftToTheNextRun() throws Exception {
        UUID citizen = UUID.fromString(Citizens.register(Api.as(port, "caseworker-aarhus", "demo"), "751", "Låst Række"));
        Cpr cpr = platform.decrypt(sealed(citizen));
        long citizens = jdbc.sql("select count(*) from citizens.citizen").query(Long.class).single();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (var executor = Executors.newSingleThreadExecutor()) {
            Future<?> holder = executor.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.sql("select id from citizens.citizen where id = ? for update").param(citizen).query(UUID.class).single();
                held.countDown();
                await(release);
            }));
            await(held);
            CprVault rotated = vault(Map.of("2027", NEW_KEY), "2027");
            try {
                assertThat(CprResealing.reseal(jdbc, rotated)).as("every row but the held one").isEqualTo(citizens - 1);
                assertThat(CprVault.keyId(sealed(citizen))).isEqualTo("0");
            } finally {
                release.countDown();
                holder.get();
            }
            assertThat(CprResealing.reseal(jdbc, rotated)).as("the next run takes it").isEqualTo(1);
            assertThat(CprVault.keyId(sealed(citizen))).isEqualTo("2027");
        } finally {
            CprResealing.reseal(jdbc, vault(Map.of("2027", NEW_KEY), "0"));
        }
        assertThat(platform.decrypt(sealed(citizen))).isEqualTo(cpr);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] sealed(UUID citizen) {
        return jdbc.sql("select cpr_encrypted from citizens.citizen where id = ?").param(citizen).query(byte[].class)
                .single();
    }

    private static CprVault vault(Map<String, String> keys, String current) {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        return new CprVault(new CprKeys(DEMO_KEY, keys, current, DEMO_HASH_KEY), demo);
    }
}
