package dk.fsc.citizens.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.FscApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * Outside the demo profile the platform refuses to start without CPR keys or with the public
 * demo keys, and says why. Started as an operator would, with profile prod, against the tests'
 * embedded PostgreSQL.
 */
class ProductionStartTest {

    private static final String DEMO_KEY = "pVzUnWEiBrZSLe4fdMpYO3E+8pcJz+EZ0DUChguL8ms=";
    private static final String DEMO_HASH_KEY = "WWS/NM2pu+dOqrpLYKEQURSfQ2iW+e8L4e6LPIPFOJk=";

    @Test
    void withoutKeysThePlatformDoesNotStart() {
        Throwable failure = start();

        assertThat(refusal(failure)).hasMessageContaining("No CPR encryption key: set FSC_CPR_KEY");
        FailureAnalysis analysis = new CprKeysFailureAnalyzer().analyze(failure);
        assertThat(analysis.getDescription()).contains("will not store CPR numbers");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32", "demo profile");
    }

    @Test
    void withThePublicDemoKeysThePlatformDoesNotStart() {
        Throwable failure = start("--fsc.citizens.cpr-key=" + DEMO_KEY, "--fsc.citizens.cpr-hash-key=" + DEMO_HASH_KEY);

        assertThat(refusal(failure)).hasMessageContaining("public demo keys");
    }

    private static Throwable start(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("--fsc.embedded-db.data-directory=",
                "--fsc.embedded-db.port=0", "--server.port=0", "--fsc.orders.standing-orders-cron=-",
                "--logging.level.io.zonky=WARN"));
        arguments.addAll(List.of(keys));
        return catchThrowable(() -> new SpringApplicationBuilder(FscApplication.class).profiles("prod")
                .run(arguments.toArray(String[]::new)).close());
    }

    private static Throwable refusal(Throwable failure) {
        assertThat(failure).isNotNull();
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(cause).isInstanceOf(CprKeys.CprKeysRefused.class);
        return cause;
    }
}
