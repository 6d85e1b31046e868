package dk.fsc.identity;

import java.util.List;

/**
 * What a machine client's API key may call. Each scope names the method and path patterns
 * it opens; a key may call nothing else, whatever the endpoint's role rules say.
 */
public enum ApiScope {
    REFERENCE_READ("GET", List.of("/api/v1/regions", "/api/v1/municipalities", "/api/v1/municipalities/*",
            "/api/v1/clusters", "/api/v1/populations", "/api/v1/populations/*")),
    /** The assortment: products, their prices, areas, device functions and service rates (not contracts). */
    ASSORTMENT_READ("GET", List.of("/api/v1/products", "/api/v1/products/*", "/api/v1/products/*/prices",
            "/api/v1/product-areas", "/api/v1/device-functions", "/api/v1/service-rates")),
    /** The carrier's machine client: it reports what happened to the warehouse's shipments. */
    CARRIER_EVENTS("POST", List.of("/api/v1/shipments/*/events")),
    /** A dispenser vendor's system sends its devices' events (signed batches, the alarms module). */
    DEVICE_EVENTS_WRITE("POST", List.of("/api/v1/device-events")),
    /** The metrics a monitoring system scrapes (Prometheus); nothing of the API. */
    METRICS_READ("GET", List.of("/actuator/prometheus"));

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
