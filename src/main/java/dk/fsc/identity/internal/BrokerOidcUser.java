package dk.fsc.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person logged in through the broker in the web UI: the broker's user with the platform's
 * name and binding. Kept in the session, so it holds the ID token's claims without the CPR
 * number and without the signed token itself.
 */
class BrokerOidcUser extends DefaultOidcUser implements Person {

    @Serial
    private static final long serialVersionUID = 1L;

    private final BrokerClaims.BrokerPerson person;

    BrokerOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
            BrokerClaims.BrokerPerson person) {
        super(authorities, idToken);
        this.person = person;
    }

    /** The platform's name for the person, also the name of their session. */
    @Override
    public String getName() {
        return person.name();
    }

    @Override
    public String name() {
        return person.name();
    }

    @Override
    public @Nullable String municipalityCode() {
        return person.municipalityCode();
    }

    @Override
    public @Nullable String regionCode() {
        return person.regionCode();
    }

    @Override
    public @Nullable UUID citizenId() {
        return person.citizenId();
    }
}
