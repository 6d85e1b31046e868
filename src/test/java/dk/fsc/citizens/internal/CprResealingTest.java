package dk.fsc.citizens.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import dk.fsc.shared.Cpr;
import dk.fsc.testing.Api;
import dk.fsc.testing.Citizens;
import dk.fsc.testing.FscIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

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
