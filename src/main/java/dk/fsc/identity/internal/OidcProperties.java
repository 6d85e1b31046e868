package dk.fsc.identity.internal;

import java.util.List;
import java.util.Map;

import dk.fsc.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login through an OpenID Connect broker, the way Danish public bodies reach NemLog-in and
 * MitID. Off unless {@code fsc.oidc.enabled=true}; then the issuer is asked for its metadata
 * on the first login or bearer token, not at start-up.
 *
 * @param issuerUri    the broker's issuer; its {@code /.well-known/openid-configuration} is read
 * @param clientId     the platform's client id at the broker
 * @param clientSecret its secret
 * @param scopes       the scopes asked for at login
 * @param audience     the audience a bearer token must name; blank means the client id
 * @param claims       which claims carry what the platform needs
 * @param roleMapping  the broker's role or group names (any case) to platform roles; a claim value
 *                     that is neither here nor a role's own name grants nothing
 */
@ConfigurationProperties("fsc.oidc")
record OidcProperties(boolean enabled, @Nullable String issuerUri, @Nullable String clientId,
        @Nullable String clientSecret, @DefaultValue("openid") List<String> scopes, @Nullable String audience,
        @DefaultValue Claims claims, @Nullable Map<String, Role> roleMapping) {

    /**
     * @param username     the user's name; when the claim is missing, {@code sub}
     * @param roles        a list (or a space- or comma-separated text) of role or group names
     * @param municipality a municipality code ({@code 751} or {@code 0751})
     * @param region       a region code ({@code 1082})
     * @param cpr          a citizen's CPR number from a MitID login; blank turns citizens' logins off
     */
    record Claims(@DefaultValue("preferred_username") String username, @DefaultValue("roles") String roles,
            @DefaultValue("municipality") String municipality, @DefaultValue("region") String region,
            @DefaultValue("dk:gov:saml:attribute:CprNumberIdentifier") String cpr) {
    }
}
