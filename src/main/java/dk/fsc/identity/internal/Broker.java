package dk.fsc.identity.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dk.fsc.identity.CitizenRegister;
import dk.fsc.identity.Role;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserSource;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.stereotype.Component;

/**
 * Login through the OpenID Connect broker ({@link OidcProperties}): in the web UI the
 * authorization code flow ends in a session like a local user's; on the API the broker's
 * bearer tokens are accepted. Both map the claims with {@link BrokerClaims}, so every
 * {@code @PreAuthorize} rule and scoping holds unchanged. Exists only when
 * {@code fsc.oidc.enabled=true}, and even then asks the broker for its metadata at the first
 * login or token, not at start-up. Logins and refusals are logged with the user's name and
 * binding, never a token, secret or CPR number.
 */
@Component
@ConditionalOnBooleanProperty("fsc.oidc.enabled")
class Broker {

    /** The registration id: the login button goes to {@code /oauth2/authorization/broker}. */
    static final String REGISTRATION = "broker";
    /**
     * What the session keeps in place of the broker's signed ID token: the token (and the
     * user info) may carry a CPR number, which must not be stored in clear text. The
     * principal keeps the ID token's other claims.
     */
    private static final String NOT_KEPT = "not-kept";
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    private final OidcProperties properties;
    private final String issuer;
    private final String clientId;
    private final String clientSecret;
    private final String audience;
    private final BrokerClaims claims;
    private final ClientRegistrationRepository registrations;
    private final JwtDecoder tokens;
    private final RedirectStrategy redirects = new DefaultRedirectStrategy();

    Broker(OidcProperties properties, RoleBindings bindings, CitizenRegister citizens) {
        this.properties = properties;
        this.issuer = required(properties.issuerUri(), "issuer-uri");
        this.clientId = required(properties.clientId(), "client-id");
        this.clientSecret = required(properties.clientSecret(), "client-secret");
        this.audience = properties.audience() == null || properties.audience().isBlank() ? clientId
                : properties.audience();
        this.claims = new BrokerClaims(properties, bindings, citizens);
        this.registrations = new SupplierClientRegistrationRepository(
                () -> new InMemoryClientRegistrationRepository(registration()));
        this.tokens = new SupplierJwtDecoder(this::decoder);
    }

    /** The web UI: the login page's broker button starts the authorization code flow. */
    void web(HttpSecurity http) {
        OidcUserService users = new OidcUserService();
        users.setOidcUserConverter(this::login);
        http.oauth2Login(login -> login.loginPage("/login").clientRegistrationRepository(registrations)
                .authorizedClientRepository(new TokensNotKept())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users))
                .defaultSuccessUrl("/", false)
                .failureHandler(this::failed));
    }

    /** The API: bearer tokens of the broker's issuer for this audience, signed and unexpired. */
    void api(HttpSecurity http, ProblemSecurityHandler problems) {
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(this::bearer))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
    }

    private OidcUser login(OidcUserSource source) {
        OidcIdToken idToken = source.getUserRequest().getIdToken();
        OidcUserInfo userInfo = source.getUserInfo();
        Map<String, Object> vouched = new HashMap<>(idToken.getClaims());
        if (userInfo != null) {
            vouched.putAll(userInfo.getClaims());
        }
        BrokerClaims.BrokerUser user;
        try {
            user = claims.user(vouched);
        } catch (BrokerLoginRefused refused) {
            LOG.warn("Login through the broker refused: {}", refused.describe());
            throw refused;
        }
        LOG.info("Login through the broker of {}", user.describe());
        OidcIdToken kept = new OidcIdToken(NOT_KEPT, idToken.getIssuedAt(), idToken.getExpiresAt(),
                claims.withoutCpr(idToken.getClaims()));
        return new BrokerOidcUser(authorities(user.roles()), kept, user.person());
    }

    private BrokerAuthentication bearer(Jwt token) {
        try {
            BrokerClaims.BrokerUser user = claims.user(token.getClaims());
            LOG.debug("Bearer token of {}", user.describe());
            return new BrokerAuthentication(user.person(), authorities(user.roles()));
        } catch (BrokerLoginRefused refused) {
            LOG.warn("Bearer token refused: {}", refused.describe());
            throw refused;
        }
    }

    /** A refusal is named on the login page; any other failure (state, nonce, the broker's own error) is not. */
    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof BrokerLoginRefused refused) {
            redirects.sendRedirect(request, response, "/login?refused=" + refused.reason().code());
            return;
        }
        LOG.warn("Login through the broker failed: {}", failure instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : failure.getClass().getSimpleName());
        redirects.sendRedirect(request, response, "/login?refused=broker");
    }

    /**
     * The broker's access and refresh tokens are dropped after the login: the platform calls
     * nothing at the broker on the user's behalf, and the tokens may carry a CPR number.
     */
    private static final class TokensNotKept implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // not kept: see the class comment
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // nothing was kept
        }
    }

    private static List<SimpleGrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    private ClientRegistration registration() {
        return ClientRegistrations.fromIssuerLocation(issuer).registrationId(REGISTRATION).clientId(clientId)
                .clientSecret(clientSecret).scope(properties.scopes()).clientName("MitID / NemLog-in").build();
    }

    private JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        JwtTypeValidator types = new JwtTypeValidator("JWT", "at+jwt", "application/at+jwt");
        types.setAllowEmpty(true);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience), types));
        return decoder;
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("fsc.oidc." + name + " must be set when fsc.oidc.enabled=true");
        }
        return value;
    }
}
