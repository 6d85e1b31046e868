package dk.fsc.shared.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The web UI speaks Danish unless the user picks English ({@code ?lang=en}, kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DANISH = Locale.of("da");

    /** The language cookie, {@code Secure} when the request came over https (also through a proxy). */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver plain = languageCookie(false);
        CookieLocaleResolver secure = languageCookie(true);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return plain.resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
                    @Nullable Locale locale) {
                (request.isSecure() ? secure : plain).setLocale(request, response, locale);
            }
        };
    }

    private static CookieLocaleResolver languageCookie(boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("fsc-lang");
        resolver.setDefaultLocale(DANISH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(secure);
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
