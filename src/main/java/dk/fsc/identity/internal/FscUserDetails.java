package dk.fsc.identity.internal;

import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local user as Spring Security sees it, with what binds them to a municipality or citizen. */
class FscUserDetails extends User implements Person {

    private final @Nullable String municipalityCode;
    private final @Nullable String regionCode;
    private final @Nullable UUID citizenId;
    private final int failedLogins;

    /** @param failedLogins wrong passwords in a row before this login, to be reset when it succeeds */
    FscUserDetails(String username, String password, boolean enabled, boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities, @Nullable String municipalityCode,
            @Nullable String regionCode, @Nullable UUID citizenId, int failedLogins) {
        super(username, password, enabled, true, true, accountNonLocked, authorities);
        this.municipalityCode = municipalityCode;
        this.regionCode = regionCode;
        this.citizenId = citizenId;
        this.failedLogins = failedLogins;
    }

    int failedLogins() {
        return failedLogins;
    }

    @Override
    public String name() {
        return getUsername();
    }

    @Override
    public @Nullable String municipalityCode() {
        return municipalityCode;
    }

    @Override
    public @Nullable String regionCode() {
        return regionCode;
    }

    @Override
    public @Nullable UUID citizenId() {
        return citizenId;
    }
}
