package dk.fsc.identity.internal;

import java.util.EnumSet;
import java.util.UUID;

import dk.fsc.identity.Role;
import dk.fsc.shared.seed.Seed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo users of the README, password {@code demo} for all. The citizen users are bound
 * to the demo citizens that the citizens module seeds with these fixed ids.
 */
@Component
@Profile("demo")
class DemoUsersSeed implements Seed {

    static final UUID CITIZEN_AARHUS = UUID.fromString("a0000000-0000-4000-8000-000000000751");
    static final UUID CITIZEN_RANDERS = UUID.fromString("a0000000-0000-4000-8000-000000000730");
    private static final String AARHUS = "751";
    private static final String RANDERS = "730";
    private static final String MIDTJYLLAND = "1082";

    private final UserRepository users;
    private final PasswordEncoder passwords;

    DemoUsersSeed(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public String name() {
        return "identity/demo-users";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public void apply() {
        String hash = passwords.encode("demo");
        user(hash, "admin", "Demo-administrator", Role.FSC_ADMIN, null, null, null);
        user(hash, "agent", "Servicecentermedarbejder", Role.FSC_AGENT, null, null, null);
        user(hash, "warehouse", "Lagermedarbejder", Role.WAREHOUSE, null, null, null);
        user(hash, "technician", "Tekniker", Role.TECHNICIAN, null, null, null);
        user(hash, "finance", "Økonomimedarbejder", Role.FINANCE, null, null, null);
        user(hash, "analyst", "Regional analytiker", Role.REGION_ANALYST, null, MIDTJYLLAND, null);
        user(hash, "caseworker-aarhus", "Visitator, Aarhus", Role.MUNICIPAL_CASEWORKER, AARHUS, MIDTJYLLAND, null);
        user(hash, "caseworker-randers", "Visitator, Randers", Role.MUNICIPAL_CASEWORKER, RANDERS, MIDTJYLLAND, null);
        user(hash, "homecare-aarhus", "Hjemmepleje, Aarhus", Role.MUNICIPAL_HOMECARE, AARHUS, MIDTJYLLAND, null);
        user(hash, "homecare-randers", "Hjemmepleje, Randers", Role.MUNICIPAL_HOMECARE, RANDERS, MIDTJYLLAND, null);
        user(hash, "finance-aarhus", "Økonomi, Aarhus Kommune", Role.MUNICIPAL_FINANCE, AARHUS, MIDTJYLLAND, null);
        user(hash, "finance-randers", "Økonomi, Randers Kommune", Role.MUNICIPAL_FINANCE, RANDERS, MIDTJYLLAND, null);
        user(hash, "nurse-aarhus", "Stomisygeplejerske, Aarhus", Role.NURSE, AARHUS, MIDTJYLLAND, null);
        user(hash, "nurse-region", "Stomisygeplejerske, Region Midtjylland", Role.NURSE, null, MIDTJYLLAND, null);
        user(hash, "citizen-aarhus", "Borger i Aarhus", Role.CITIZEN, null, null, CITIZEN_AARHUS);
        user(hash, "citizen-randers", "Borger i Randers", Role.CITIZEN, null, null, CITIZEN_RANDERS);
    }

    private void user(String hash, String username, String displayName, Role role, @Nullable String municipality,
            @Nullable String region, @Nullable UUID citizen) {
        users.insert(username, displayName, hash, municipality, region, citizen, EnumSet.of(role));
    }
}
