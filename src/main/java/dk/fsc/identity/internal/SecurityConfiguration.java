package dk.fsc.identity.internal;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

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

    private static final String[] PUBLIC_PATHS = { "/", "/login", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico", "/error", "/error/**", "/actuator/health", "/actuator/health/**",
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
            ObjectProvider<Broker> broker, LocalUsers users, PasswordEncoder passwords, ApiLoginMemory loginMemory)
            throws Exception {
        broker.ifAvailable(tokens -> tokens.api(http, problems));
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwords);
        return http.securityMatcher("/api/**")
                .authenticationProvider(new RememberedBasicLogins(passwordCheck, loginMemory))
                .authorizeHttpRequests(requests -> requests.anyRequest().access(new ApiKeyScopes()))
                .addFilterBefore(new ApiKeyFilter(apiKeys, problems), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
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
                .build();
    }

    /** A locked account is told so; every other failure reads the same, so names cannot be probed. */
    private static AuthenticationFailureHandler loginFailures() {
        ExceptionMappingAuthenticationFailureHandler handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
