package dk.fsc.identity.internal;

import java.util.List;
import java.util.Set;

import dk.fsc.identity.ApiScope;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A machine client authenticated by its API key; it holds scopes, never roles. */
class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final String name;
    private final Set<ApiScope> scopes;

    ApiKeyAuthentication(String name, Set<ApiScope> scopes) {
        super(scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.name())).toList());
        this.name = name;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return "api-key:" + name;
    }

    Set<ApiScope> scopes() {
        return scopes;
    }

    static List<String> scopeNames(Set<ApiScope> scopes) {
        return scopes.stream().map(Enum::name).sorted().toList();
    }
}
