package dk.fsc.grants.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductId;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.grants.NewGrant;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a caseworker decides when making or changing a grant, checked as a whole: every
 * broken rule is named with its field, and nothing is saved unless all of them hold.
 */
record GrantTerms(LocalDate validFrom, @Nullable LocalDate validTo, GrantedLine.@Nullable DeliveryAddress deliveryAddress,
        @Nullable String note, List<LineTerms> lines) {

    static final int MAX_LINES = 200;
    static final int MAX_QUANTITY = 100_000;

    record LineTerms(Grant.Target target, int quantity, LimitPeriod period) {
    }

    /** The request body of a grant: lines name exactly one of productId, area or group. */
    record Command(@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable Address deliveryAddress,
            @Nullable String note, @Nullable List<LineCommand> lines) {

        /** Another module's grant, delivered to the citizen's home. */
        static Command of(NewGrant grant) {
            return new Command(grant.validFrom(), grant.validTo(), null, grant.note(), grant.lines().stream()
                    .map(line -> new LineCommand(line.productId() == null ? null : line.productId().toString(),
                            line.area(), line.group(), line.quantity(),
                            line.period() == null ? null : line.period().name()))
                    .toList());
        }
    }

    record Address(@Nullable String street, @Nullable String postalCode, @Nullable String city) {
    }

    record LineCommand(@Nullable String productId, @Nullable String area, @Nullable String group,
            @Nullable Long quantity, @Nullable String period) {
    }

    /** The terms of {@code command}, or every rule it breaks as an {@link InvalidInputException}. */
    static GrantTerms of(Command command, Assortment assortment) {
        List<FieldError> errors = new ArrayList<>();
        GrantTerms terms = read(command, assortment, errors);
        if (terms == null) {
            throw new InvalidInputException("The grant breaks " + errors.size() + " rule(s); nothing was saved.",
                    errors);
        }
        return terms;
    }

    /** Every rule {@code command} breaks, as {@link #of} names them; empty when it holds. */
    static List<FieldError> check(Command command, Assortment assortment) {
        List<FieldError> errors = new ArrayList<>();
        read(command, assortment, errors);
        return List.copyOf(errors);
    }

    private static @Nullable GrantTerms read(Command command, Assortment assortment, List<FieldError> errors) {
        if (command.validFrom() == null) {
            errors.add(FieldError.of("validFrom", "grants.error.validFrom"));
        }
        if (command.validFrom() != null && command.validTo() != null && command.validTo().isBefore(command.validFrom())) {
            errors.add(FieldError.of("validTo", "grants.error.validTo"));
        }
        GrantedLine.DeliveryAddress address = address(command.deliveryAddress(), errors);
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 2000) {
            errors.add(FieldError.of("note", "grants.error.note"));
        }
        List<LineTerms> lines = lines(command.lines(), assortment, errors);
        return errors.isEmpty() ? new GrantTerms(command.validFrom(), command.validTo(), address, note, lines) : null;
    }

    private static GrantedLine.@Nullable DeliveryAddress address(@Nullable Address address, List<FieldError> errors) {
        if (address == null || (blank(address.street()) && blank(address.postalCode()) && blank(address.city()))) {
            return null;
        }
        int before = errors.size();
        if (blank(address.street()) || address.street().strip().length() > 200) {
            errors.add(FieldError.of("deliveryAddress.street", "grants.error.street"));
        }
        if (address.postalCode() == null || !address.postalCode().strip().matches("[0-9]{4}")) {
            errors.add(FieldError.of("deliveryAddress.postalCode", "grants.error.postalCode"));
        }
        if (blank(address.city()) || address.city().strip().length() > 100) {
            errors.add(FieldError.of("deliveryAddress.city", "grants.error.city"));
        }
        return errors.size() > before ? null
                : new GrantedLine.DeliveryAddress(address.street().strip(), address.postalCode().strip(),
                        address.city().strip());
    }

    private static List<LineTerms> lines(@Nullable List<LineCommand> commands, Assortment assortment,
            List<FieldError> errors) {
        if (commands == null || commands.isEmpty()) {
            errors.add(FieldError.of("lines", "grants.error.noLines"));
            return List.of();
        }
        if (commands.size() > MAX_LINES) {
            errors.add(FieldError.of("lines", "grants.error.tooManyLines", MAX_LINES));
            return List.of();
        }
        List<LineTerms> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < commands.size(); i++) {
            String field = "lines[" + i + "]";
            LineCommand command = commands.get(i);
            if (command == null) {
                errors.add(FieldError.of(field, "grants.error.emptyLine"));
                continue;
            }
            Grant.Target target = target(field, command, assortment, errors);
            Integer quantity = quantity(field, command.quantity(), errors);
            LimitPeriod period = period(field, command.period(), errors);
            if (target != null && !seen.add(target.key())) {
                errors.add(FieldError.of(field, "grants.error.duplicateLine"));
            } else if (target != null && quantity != null && period != null) {
                lines.add(new LineTerms(target, quantity, period));
            }
        }
        return lines;
    }

    private static Grant.@Nullable Target target(String field, LineCommand command, Assortment assortment,
            List<FieldError> errors) {
        int given = (blank(command.productId()) ? 0 : 1) + (blank(command.area()) ? 0 : 1)
                + (blank(command.group()) ? 0 : 1);
        if (given != 1) {
            errors.add(FieldError.of(field, "grants.error.target"));
            return null;
        }
        if (!blank(command.productId())) {
            ProductId productId;
            try {
                productId = new ProductId(UUID.fromString(command.productId().strip()));
            } catch (IllegalArgumentException notUuid) {
                errors.add(FieldError.of(field + ".productId", "grants.error.product"));
                return null;
            }
            if (assortment.product(productId).isEmpty()) {
                errors.add(FieldError.of(field + ".productId", "grants.error.product"));
                return null;
            }
            return new Grant.Target(productId, null, null);
        }
        if (!blank(command.area())) {
            String area = command.area().strip().toUpperCase(Locale.ROOT);
            if (!assortment.areaExists(area)) {
                errors.add(FieldError.of(field + ".area", "grants.error.area"));
                return null;
            }
            return new Grant.Target(null, area, null);
        }
        String group = command.group().strip().toUpperCase(Locale.ROOT);
        if (!assortment.groupExists(group)) {
            errors.add(FieldError.of(field + ".group", "grants.error.group"));
            return null;
        }
        return new Grant.Target(null, null, group);
    }

    private static @Nullable Integer quantity(String field, @Nullable Long quantity, List<FieldError> errors) {
        if (quantity == null) {
            errors.add(FieldError.of(field + ".quantity", "grants.error.quantity", MAX_QUANTITY));
            return null;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            errors.add(FieldError.of(field + ".quantity", "grants.error.quantity", MAX_QUANTITY));
            return null;
        }
        return quantity.intValue();
    }

    private static @Nullable LimitPeriod period(String field, @Nullable String period, List<FieldError> errors) {
        try {
            return LimitPeriod.valueOf(period == null ? "" : period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            errors.add(FieldError.of(field + ".period", "grants.error.period"));
            return null;
        }
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
