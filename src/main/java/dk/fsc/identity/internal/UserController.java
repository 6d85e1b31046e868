package dk.fsc.identity.internal;

import java.net.URI;

import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Local user accounts, their roles and what binds them (FSC_ADMIN)")
class UserController {

    private final UserAdministration administration;

    UserController(UserAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @Operation(summary = "Users whose name or display name contains q, by name")
    Paged<UserAdministration.UserAccount> search(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageQuery.DEFAULT_SIZE) int size) {
        return administration.search(q, new PageQuery(page, size));
    }

    @GetMapping("/{username}")
    UserAdministration.UserAccount user(@PathVariable String username) {
        return administration.get(username);
    }

    @PostMapping
    @Operation(summary = "Create a user with a password, roles and what binds them; 409 when the name is taken")
    ResponseEntity<UserAdministration.UserAccount> create(@RequestBody UserAdministration.NewUser body) {
        UserAdministration.UserAccount created = administration.create(body);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @PutMapping("/{username}/roles")
    @Operation(summary = "Replace the user's roles and binding (municipality, region, citizen); ends their sessions")
    UserAdministration.UserAccount bind(@PathVariable String username,
            @RequestBody UserAdministration.NewBinding body) {
        return administration.bind(username, body);
    }

    @PostMapping("/{username}/unlock")
    @Operation(summary = "Unlock an account locked after failed logins")
    UserAdministration.UserAccount unlock(@PathVariable String username) {
        return administration.unlock(username);
    }

    @PostMapping("/{username}/disable")
    @Operation(summary = "Disable the account and end its sessions")
    UserAdministration.UserAccount disable(@PathVariable String username) {
        return administration.disable(username);
    }

    @PostMapping("/{username}/enable")
    UserAdministration.UserAccount enable(@PathVariable String username) {
        return administration.enable(username);
    }
}
