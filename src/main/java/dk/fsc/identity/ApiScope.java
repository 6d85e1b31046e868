package dk.fsc.identity;

import java.util.List;

/**
 * What a machine client's API key may call. Each scope names the method and path patterns
 * it opens; a key may call nothing else, whatever the endpoint's role rules say.
 */
public enum ApiScope {
    REFERENCE_READ("GET", List.of("/api/v1/regions", "/api/v1/municipalities", "/api/v1/municipalities/*",
            "/api/v1/clusters", "/api/v1/populations", "/api/v1/populations/*"));

    private final String method;
    private final List<String> paths;

    ApiScope(String method, List<String> paths) {
        this.method = method;
        this.paths = paths;
    }

    public String method() {
        return method;
    }

    public List<String> paths() {
        return paths;
    }
}
