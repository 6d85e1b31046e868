package dk.fsc.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time is stored as UTC and shown in Danish time; tests may replace the clock. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    public static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
