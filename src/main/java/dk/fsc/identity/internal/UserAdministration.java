package dk.fsc.identity.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.fsc.identity.AuditLog;
import dk.fsc.identity.CurrentUsers;
import dk.fsc.identity.Role;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.problem.NotFoundException;
import dk.fsc.shared.web.PageQuery;
import dk.fsc.shared.web.Paged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' work on local user accounts: create, give roles and what binds them
 * ({@link RoleBindings}), unlock, disable and enable. The whole input is checked before
 * anything is written; every change is written to the audit log in its transaction and
 * logged, never with a password. An administrator cannot disable their own account or take
 * away their own administrator role, so the platform is never left without one by mistake.
 */
@Service
class UserAdministration {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 64;
    /** BCrypt, the password encoder's default, uses at most 72 bytes of a password. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    private static final Logger LOG = LoggerFactory.getLogger(UserAdministration.class);

    /** A user account as administrators see it; never the password hash. */
    record UserAccount(String username, String displayName, List<Role> roles, @Nullable String municipalityCode,
            @Nullable String regionCode, @Nullable UUID citizenId, boolean enabled, boolean locked,
            @Nullable Instant lockedUntil) {
    }

    record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password,
            @Nullable List<String> roles, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable String citizenId) {

        NewBinding binding() {
            return new NewBinding(roles, municipalityCode, regionCode, citizenId);
        }
    }

    /** Roles by name and what binds them, as typed: every value is checked. */
    record NewBinding(@Nullable List<String> roles, @Nullable String municipalityCode, @Nullable String regionCode,
            @Nullable String citizenId) {
    }

    private final UserRepository users;
    private final RoleBindings bindings;
    private final PasswordEncoder passwords;
    private final UserSessions sessions;
    private final AuditLog auditLog;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    UserAdministration(UserRepository users, RoleBindings bindings, PasswordEncoder passwords, UserSessions sessions,
            AuditLog auditLog, CurrentUsers currentUsers, Clock clock) {
        this.users = users;
        this.bindings = bindings;
        this.passwords = passwords;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** Users whose name or display name contains {@code text}; all when it is blank. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Paged<UserAccount> search(@Nullable String text, PageQuery page) {
        return users.search(text == null ? "" : text, page).map(this::account);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount get(String username) {
        return account(stored(username));
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount create(NewUser command) {
        List<FieldError> errors = new ArrayList<>();
        String username = command.username() == null ? "" : command.username().strip();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(FieldError.of("username", "identity.error.username"));
        }
        String displayName = command.displayName() == null ? "" : command.displayName().strip();
        if (displayName.isEmpty() || displayName.length() > 200) {
            errors.add(FieldError.of("displayName", "identity.error.displayName"));
        }
        String password = command.password() == null ? "" : command.password();
        checkPassword(username, password, errors);
        RoleBindings.Binding binding = binding(command.binding(), errors);
        if (!errors.isEmpty() || binding == null) {
            throw new InvalidInputException("The user has invalid fields.", errors);
        }
        if (users.exists(username)) {
            throw taken(username);
        }
        try {
            users.insert(username, displayName, passwords.encode(password), binding.municipalityCode(),
                    binding.regionCode(), binding.citizenId(), binding.roles());
        } catch (DuplicateKeyException e) {
            throw taken(username);
        }
        changed(username, "user.create", binding.describe());
        return get(username);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount bind(String username, NewBinding command) {
        UserRepository.StoredUser user = stored(username);
        List<FieldError> errors = new ArrayList<>();
        RoleBindings.Binding binding = binding(command, errors);
        if (!errors.isEmpty() || binding == null) {
            throw new InvalidInputException("The roles and what binds them do not fit together.", errors);
        }
        if (isCaller(username) && !binding.roles().contains(Role.FSC_ADMIN)) {
            throw new ConflictException("You cannot take away your own administrator role.",
                    List.of(FieldError.of("roles", "identity.error.ownAdminRole")));
        }
        users.bind(username, binding.roles(), binding.municipalityCode(), binding.regionCode(), binding.citizenId());
        sessions.endAllOf(username);
        changed(username, "user.change-roles", "from " + bindingOf(user).describe() + " to " + binding.describe());
        return get(username);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount unlock(String username) {
        stored(username);
        users.unlock(username);
        changed(username, "user.unlock", "failed logins reset");
        return get(username);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount disable(String username) {
        if (isCaller(username)) {
            throw new ConflictException("You cannot disable your own account.",
                    List.of(FieldError.of("username", "identity.error.disableSelf")));
        }
        return enable(username, false);
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public UserAccount enable(String username) {
        return enable(username, true);
    }

    /** Opens or closes the account; closing ends its sessions. Nothing is recorded when nothing changes. */
    private UserAccount enable(String username, boolean enabled) {
        if (stored(username).enabled() != enabled) {
            users.setEnabled(username, enabled);
            if (!enabled) {
                sessions.endAllOf(username);
            }
            changed(username, enabled ? "user.enable" : "user.disable", enabled ? "enabled" : "disabled");
        }
        return get(username);
    }

    private UserRepository.StoredUser stored(String username) {
        return users.find(username).orElseThrow(() -> new NotFoundException("No user " + username + "."));
    }

    private UserAccount account(UserRepository.StoredUser user) {
        Instant lockedUntil = user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant())
                ? user.lockedUntil() : null;
        return new UserAccount(user.username(), user.displayName(), user.roles().stream().sorted().toList(),
                user.municipalityCode(), user.regionCode(), user.citizenId(), user.enabled(), lockedUntil != null,
                lockedUntil);
    }

    private RoleBindings.@Nullable Binding binding(NewBinding command, List<FieldError> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : command.roles() == null ? List.<String>of() : command.roles()) {
            try {
                roles.add(Role.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("roles", "identity.error.unknownRole", name));
            }
        }
        UUID citizenId = null;
        if (command.citizenId() != null && !command.citizenId().isBlank()) {
            try {
                citizenId = UUID.fromString(command.citizenId().strip());
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("citizenId", "identity.error.citizenIdFormat"));
            }
        }
        return bindings.bind(roles, command.municipalityCode(), command.regionCode(), citizenId, errors);
    }

    private static RoleBindings.Binding bindingOf(UserRepository.StoredUser user) {
        return new RoleBindings.Binding(user.roles(), user.municipalityCode(), user.regionCode(), user.citizenId());
    }

    private static void checkPassword(String username, String password, List<FieldError> errors) {
        if (password.length() < MIN_PASSWORD) {
            errors.add(FieldError.of("password", "identity.error.passwordShort", MIN_PASSWORD));
        } else if (password.length() > MAX_PASSWORD
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(FieldError.of("password", "identity.error.passwordLong", MAX_PASSWORD));
        } else if (!username.isEmpty()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            errors.add(FieldError.of("password", "identity.error.passwordUsername"));
        }
    }

    private boolean isCaller(String username) {
        return currentUsers.require().username().equals(username);
    }

    private static ConflictException taken(String username) {
        return new ConflictException("A user named " + username + " exists.",
                List.of(FieldError.of("username", "identity.error.usernameTaken")));
    }

    private void changed(String username, String action, String detail) {
        auditLog.recordUserChange(username, action, detail);
        LOG.info("{} of user '{}' by '{}': {}", action, username, currentUsers.require().username(), detail);
    }
}
