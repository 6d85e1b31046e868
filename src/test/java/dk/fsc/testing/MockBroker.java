package dk.fsc.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect server in the test JVM (navikt's mock-oauth2-server), standing in for
 * the broker to NemLog-in and MitID. Its login is not interactive: the authorize endpoint
 * redirects back at once, with the claims set by {@link #nextLogin}. One server serves every
 * test, started the first time it is needed.
 */
public final class MockBroker {

    public static final String ISSUER = "broker";
    public static final String CLIENT_ID = "fsc-platform";
    public static final String CLIENT_SECRET = "hemmelig-klient-nøgle";

    private static final MockOAuth2Server SERVER = start();

    private MockBroker() {
    }

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "mock-broker-shutdown"));
        return server;
    }

    public static String issuerUrl() {
        return SERVER.issuerUrl(ISSUER).toString();
    }

    /** The ID and access tokens of the next login through the broker carry these claims. */
    public static void nextLogin(String subject, Map<String, Object> claims) {
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, JOSEObjectType.JWT.getType(),
                List.of(CLIENT_ID), claims, 3600));
    }

    /** A signed access token of the broker for the platform, valid for an hour. */
    public static String token(Map<String, Object> claims) {
        return token(ISSUER, CLIENT_ID, claims);
    }

    /** A signed access token of any issuer on the server (each has its own keys), for any audience. */
    public static String token(String issuer, String audience, Map<String, Object> claims) {
        return SERVER.issueToken(issuer, CLIENT_ID, new DefaultOAuth2TokenCallback(issuer, "subject-" + issuer,
                JOSEObjectType.JWT.getType(), List.of(audience), claims, 3600)).serialize();
    }

    /** A token of the broker for the platform, issued two hours ago and expired an hour ago. */
    public static String expiredToken(Map<String, Object> claims) {
        Instant now = Instant.now();
        Map<String, Object> expired = new HashMap<>(claims);
        expired.put("iat", Date.from(now.minus(Duration.ofHours(2))));
        expired.put("nbf", Date.from(now.minus(Duration.ofHours(2))));
        expired.put("exp", Date.from(now.minus(Duration.ofHours(1))));
        return token(ISSUER, CLIENT_ID, expired);
    }

    /** Turns the platform's broker login on, pointed at this server, with one mapped broker role. */
    public static class Login implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("fsc.oidc.enabled=true", "fsc.oidc.issuer-uri=" + issuerUrl(),
                    "fsc.oidc.client-id=" + CLIENT_ID, "fsc.oidc.client-secret=" + CLIENT_SECRET,
                    "fsc.oidc.role-mapping[Visitator]=MUNICIPAL_CASEWORKER").applyTo(context);
        }
    }
}
