package dk.fsc.identity.internal;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.fsc.identity.ApiScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "API keys of machine clients")
class IdentityController {

    private final ApiKeys apiKeys;

    IdentityController(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    record NewApiKey(@Nullable String name, @Nullable List<String> scopes) {
    }

    record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, String createdBy, Instant createdAt,
            @Nullable Instant revokedAt) {

        static ApiKeyView of(ApiKeys.ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), ApiKeyAuthentication.scopeNames(key.scopes()),
                    key.createdBy(), key.createdAt(), key.revokedAt());
        }
    }

    /** The created key with its secret, which is never shown again. */
    record CreatedApiKey(ApiKeyView apiKey, String key) {
    }

    @GetMapping("/api-key-scopes")
    List<String> scopes() {
        return java.util.Arrays.stream(ApiScope.values()).map(Enum::name).toList();
    }

    @PostMapping("/api-keys")
    @Operation(summary = "Create an API key (FSC_ADMIN); the key is in this answer only")
    ResponseEntity<CreatedApiKey> create(@RequestBody NewApiKey request, Principal principal) {
        ApiKeys.CreatedKey created = apiKeys.create(request.name(), request.scopes(), principal.getName());
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.apiKey().id()))
                .body(new CreatedApiKey(ApiKeyView.of(created.apiKey()), created.key()));
    }

    @GetMapping("/api-keys")
    List<ApiKeyView> all() {
        return apiKeys.all().stream().map(ApiKeyView::of).toList();
    }

    @DeleteMapping("/api-keys/{id}")
    @Operation(summary = "Revoke an API key (FSC_ADMIN)")
    ApiKeyView revoke(@PathVariable UUID id) {
        return ApiKeyView.of(apiKeys.revoke(id));
    }
}
