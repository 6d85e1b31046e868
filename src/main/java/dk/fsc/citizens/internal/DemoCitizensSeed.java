package dk.fsc.citizens.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.fsc.shared.Cpr;
import dk.fsc.shared.seed.Seed;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * 57 made-up citizens, three in each of the 19 municipalities of Region Midtjylland, with
 * valid but invented CPR numbers generated the same way every time. The first two have the
 * fixed ids that identity's demo users {@code citizen-aarhus} and {@code citizen-randers}
 * are bound to; this seed runs before those users (150 before 200).
 */
@Component
@Profile("demo")
class DemoCitizensSeed implements Seed {

    static final UUID CITIZEN_AARHUS = UUID.fromString("a0000000-0000-4000-8000-000000000751");
    static final UUID CITIZEN_RANDERS = UUID.fromString("a0000000-0000-4000-8000-000000000730");

    /** Municipality code, postal code, city and a street of each municipality. */
    private record Place(String code, String postalCode, String city, String street) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("751", "8000", "Aarhus C", "Mejlgade"), new Place("730", "8900", "Randers C", "Storegade"),
            new Place("741", "8305", "Samsø", "Langgade"), new Place("710", "8370", "Hadsten", "Søndergade"),
            new Place("707", "8500", "Grenaa", "Torvet"), new Place("706", "8400", "Ebeltoft", "Adelgade"),
            new Place("615", "8700", "Horsens", "Søndergade"), new Place("766", "8722", "Hedensted", "Stationsvej"),
            new Place("727", "8300", "Odder", "Rosensgade"), new Place("746", "8660", "Skanderborg", "Adelgade"),
            new Place("791", "8800", "Viborg", "Sct. Mathias Gade"), new Place("740", "8600", "Silkeborg", "Vestergade"),
            new Place("779", "7800", "Skive", "Frederiksgade"), new Place("657", "7400", "Herning", "Bredgade"),
            new Place("661", "7500", "Holstebro", "Nørregade"), new Place("756", "7430", "Ikast", "Strøget"),
            new Place("665", "7620", "Lemvig", "Østergade"), new Place("760", "6950", "Ringkøbing", "Algade"),
            new Place("671", "7600", "Struer", "Østergade"));

    private static final List<String> FIRST = List.of("Anna", "Bent", "Birgit", "Erik", "Grethe", "Hans", "Inge",
            "Jens", "Karen", "Kirsten", "Lars", "Lene", "Mette", "Niels", "Ole", "Poul", "Ruth", "Søren", "Tove",
            "Aase", "Jørgen", "Else", "Henning");
    private static final List<String> LAST = List.of("Andersen", "Christensen", "Hansen", "Jensen", "Johansen",
            "Larsen", "Madsen", "Mikkelsen", "Møller", "Nielsen", "Olsen", "Pedersen", "Petersen", "Poulsen",
            "Rasmussen", "Sørensen", "Thomsen", "Kristensen", "Jakobsen");

    private final CitizenRepository repository;
    private final CprVault vault;
    private final Clock clock;

    DemoCitizensSeed(CitizenRepository repository, CprVault vault, Clock clock) {
        this.repository = repository;
        this.vault = vault;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "citizens/demo-citizens";
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public void apply() {
        for (int i = 0; i < PLACES.size() * 3; i++) {
            Place place = PLACES.get(i % PLACES.size());
            UUID id = i == 0 ? CITIZEN_AARHUS
                    : i == 1 ? CITIZEN_RANDERS
                            : UUID.nameUUIDFromBytes(("fsc-demo-citizen-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String name = i == 0 ? "Birthe Sørensen"
                    : i == 1 ? "Poul Rasmussen"
                            : FIRST.get((i * 7) % FIRST.size()) + " " + LAST.get((i * 3) % LAST.size());
            Cpr cpr = cpr(i);
            Citizen citizen = new Citizen(id, vault.encrypt(cpr), name, place.street() + " " + (1 + (i * 11) % 60),
                    place.postalCode(), place.city(), place.code(), String.format("2%07d", 1_000_000 + i * 7919),
                    null);
            repository.insert(citizen, vault.hash(cpr), LocalDate.of(2020, 1, 1), clock.instant(), "system");
        }
    }

    /**
     * An invented CPR: born 1930-1999 (seventh digit 0-3), the serial made unique by {@code i}.
     * Deterministic, so demo citizens have the same numbers on every fresh database.
     */
    static Cpr cpr(int i) {
        LocalDate born = LocalDate.of(1930 + (i * 7) % 70, 1 + i % 12, 1 + (i * 5) % 28);
        String digits = String.format("%02d%02d%02d%d%03d", born.getDayOfMonth(), born.getMonthValue(),
                born.getYear() % 100, i % 4, 100 + i);
        return Cpr.of(digits);
    }
}
