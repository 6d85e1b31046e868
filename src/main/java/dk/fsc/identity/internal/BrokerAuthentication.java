package dk.fsc.identity.internal;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** A person calling the API with a bearer token from the broker; the token itself is not kept. */
class BrokerAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final BrokerClaims.BrokerPerson person;

    BrokerAuthentication(BrokerClaims.BrokerPerson person, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.person = person;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public BrokerClaims.BrokerPerson getPrincipal() {
        return person;
    }

    @Override
    public String getName() {
        return person.name();
    }
}
