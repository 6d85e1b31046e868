package dk.fsc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** Object mother for citizens: registers a new one through the API. */
public final class Citizens {

    private Citizens() {
    }

    /** A valid, made-up CPR that no other test uses (born 1940-1999, seventh digit 0-3). */
    public static String newCpr() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1940 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
        return String.format("%02d%02d%02d-%d%03d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                random.nextInt(4), random.nextInt(1000));
    }

    /** Registers a citizen of {@code municipality} as {@code api}'s user; returns the id. */
    public static String register(Api api, String municipality, String name) {
        Api.Response created = api.postJson("/api/v1/citizens", """
                {"cpr":"%s","name":"%s","address":{"street":"Testvej 1","postalCode":"8000","city":"Aarhus C"},
                 "municipalityCode":"%s","phone":"12345678"}""".formatted(newCpr(), name, municipality));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
