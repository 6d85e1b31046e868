package dk.fsc.citizens.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at start-up, without a stack trace to dig through, why the CPR keys were refused and what to do. */
class CprKeysFailureAnalyzer extends AbstractFailureAnalyzer<CprKeys.CprKeysRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CprKeys.CprKeysRefused cause) {
        return new FailureAnalysis("The platform will not store CPR numbers with these keys. " + cause.getMessage(),
                "Give each key as base64 of 32 random bytes (openssl rand -base64 32): FSC_CPR_KEY and "
                        + "FSC_CPR_HASH_KEY, or fsc.citizens.cpr-keys[<id>] with fsc.citizens.cpr-key-id "
                        + "(docs/security.md, CPR handling). To try the platform with demo users and the public "
                        + "demo keys, run it with the demo profile (./mvnw spring-boot:run, or "
                        + "SPRING_PROFILES_ACTIVE=demo).",
                cause);
    }
}
