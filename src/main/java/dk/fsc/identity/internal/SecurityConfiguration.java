package dk.fsc.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three filter chains: the metrics ({@code /actuator/prometheus}) for an API key with the
 * METRICS_READ scope only; the API ({@code /api/**}) is stateless and answers with problem+json;
 * the web UI uses form login, sessions and CSRF tokens. With {@code fsc.oidc.enabled} the
 * {@link Broker} adds login through the OpenID Connect broker to the UI and its bearer tokens
 * to the API. Rules on who may do what live on the service methods ({@code @PreAuthorize}),
 * not only here.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OidcProperties.class)
class SecurityConfiguration {

    /**
     * Pages load scripts, styles, images and fonts from this origin only: no inline script or
     * style (htmx is told not to add its indicator styles), nothing evaluated, no plugins, no
     * framing, forms post only here. See docs/security.md, Headers.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /**
     * Swagger UI (third-party, no personal data) sets style attributes from its script: the page
     * policy with inline styles allowed, still no inline script.
     */
    static final String SWAGGER_UI_POLICY = PAGE_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    private static final RequestMatcher SWAGGER_UI = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    /** The API answers JSON: nothing in it may load or run anything. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final String[] PUBLIC_PATHS = { "/", "/login", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico", "/favicon.svg", "/tilgaengelighed", "/error", "/error/**", "/actuator/health",
            "/actuator/health/**",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

    /** The metrics answer only an API key with the METRICS_READ scope (the monitoring system's). */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, ProblemSecurityHandler problems, ApiKeys apiKeys)
            throws Exception {
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(requests -> requests.anyRequest().access(ApiKeyScopes.keysOnly()))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandler problems, ApiKeys apiKeys,
            ObjectProvider<Broker> broker, DaoAuthenticationProvider passwordCheck, ApiLoginMemory loginMemory)
            throws Exception {
        broker.ifAvailable(tokens -> tokens.api(http, problems));
        return http.securityMatcher("/api/**")
                .authenticationProvider(new RememberedBasicLogins(passwordCheck, loginMemory))
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ApiKeyScopes()))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(headers -> noReferrerElsewhere(headers).contentSecurityPolicy(csp -> csp.policyDirectives(
                        API_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<Broker> broker) throws Exception {
        broker.ifAvailable(logins -> logins.web(http));
        return http
                .authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(loginFailures()).permitAll())
                .sessionManagement(sessions -> sessions.invalidSessionStrategy(new ExpiredSessions()))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> noReferrerElsewhere(headers)
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI),
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))))
                .build();
    }

    /**
     * Besides Spring Security's defaults (no sniffing, no framing, no caching, HSTS on https),
     * which the content security policy joins: no address of ours (they hold citizens' ids) is
     * sent to another site as the referrer.
     */
    private static HeadersConfigurer<HttpSecurity> noReferrerElsewhere(HeadersConfigurer<HttpSecurity> headers) {
        return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }

    /**
     * Every failed form login reads the same (a wrong password, an unknown name, a locked or a
     * disabled account), so names cannot be probed. Nothing is kept in the session: Spring's
     * default handler stores the exception there, and with it the typed name and password.
     */
    private static AuthenticationFailureHandler loginFailures() {
        DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
        return (request, response, failure) -> redirects.sendRedirect(request, response, "/login?error");
    }

    /**
     * The password check of form login and HTTP Basic. The account's state (locked, disabled)
     * is checked only after the password, so that a locked account costs the same bcrypt time
     * as an unlocked or unknown one and timing does not tell them apart either.
     */
    @Bean
    DaoAuthenticationProvider passwordCheck(LocalUsers users, PasswordEncoder passwords) {
        DaoAuthenticationProvider check = new DaoAuthenticationProvider(users);
        check.setPasswordEncoder(passwords);
        check.setPreAuthenticationChecks(user -> {
        });
        check.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return check;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
