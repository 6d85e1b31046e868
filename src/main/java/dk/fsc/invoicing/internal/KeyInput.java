package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.fsc.reference.Payer;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * An allocation key as a finance user writes it in JSON: {@code type} is {@code equal},
 * {@code percentages}, {@code population}, {@code grantCount} or {@code counts}; the other fields
 * are those the type needs. {@link #toKey} turns it into an {@link AllocationKey}, naming each
 * wrong field by its path (e.g. {@code key.parts[1].percent}).
 */
record KeyInput(@Nullable String type, @Nullable List<PartInput> parts, @Nullable Integer year,
        @Nullable String region, @Nullable String area, @Nullable LocalDate date, @Nullable String basis,
        @Nullable Map<String, Long> counts) {

    static final int MAX_PARTS = 200;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    record PartInput(@Nullable BigDecimal percent, @Nullable PayerInput payer, @Nullable KeyInput key) {
    }

    record PayerInput(@Nullable String kind, @Nullable String code) {
    }

    static @Nullable AllocationKey toKey(@Nullable KeyInput input, String path, List<FieldError> errors) {
        if (input == null) {
            errors.add(FieldError.of(path, "invoicing.error.required"));
            return null;
        }
        if (input.type() == null) {
            errors.add(FieldError.of(path + ".type", "invoicing.error.keyType"));
            return null;
        }
        return switch (input.type()) {
            case "equal" -> {
                List<AllocationKey.Part> parts = parts(input, path, false, errors);
                yield parts == null ? null : new AllocationKey.Equal(parts);
            }
            case "percentages" -> {
                List<AllocationKey.Part> parts = parts(input, path, true, errors);
                yield parts == null ? null : new AllocationKey.Percentages(parts);
            }
            case "population" -> {
                String region = region(input.region(), path, errors);
                if (input.year() == null) {
                    errors.add(FieldError.of(path + ".year", "invoicing.error.required"));
                }
                yield region == null || input.year() == null ? null
                        : new AllocationKey.Population(input.year(), region);
            }
            case "grantCount" -> {
                String region = region(input.region(), path, errors);
                if (input.area() == null || input.area().isBlank()) {
                    errors.add(FieldError.of(path + ".area", "invoicing.error.required"));
                }
                if (input.date() == null) {
                    errors.add(FieldError.of(path + ".date", "invoicing.error.required"));
                }
                yield region == null || input.area() == null || input.area().isBlank() || input.date() == null ? null
                        : new AllocationKey.GrantCount(input.area().strip(), input.date(), region);
            }
            case "counts" -> counts(input, path, errors);
            default -> {
                errors.add(FieldError.of(path + ".type", "invoicing.error.keyType"));
                yield null;
            }
        };
    }

    private static @Nullable AllocationKey counts(KeyInput input, String path, List<FieldError> errors) {
        if (input.basis() == null || input.basis().isBlank() || input.basis().length() > 200) {
            errors.add(FieldError.of(path + ".basis", "invoicing.error.basis"));
            return null;
        }
        if (input.counts() == null || input.counts().isEmpty() || input.counts().size() > MAX_PARTS) {
            errors.add(FieldError.of(path + ".counts", "invoicing.error.counts"));
            return null;
        }
        for (Map.Entry<String, Long> count : input.counts().entrySet()) {
            if (count.getValue() == null || count.getValue() < 0) {
                errors.add(FieldError.of(path + ".counts." + count.getKey(), "invoicing.error.count"));
                return null;
            }
        }
        return new AllocationKey.Counts(input.basis().strip(), input.counts());
    }

    private static @Nullable String region(@Nullable String region, String path, List<FieldError> errors) {
        if (region == null || !region.matches("[0-9]{4}")) {
            errors.add(FieldError.of(path + ".region", "invoicing.error.region"));
            return null;
        }
        return region;
    }

    private static @Nullable List<AllocationKey.Part> parts(KeyInput input, String path, boolean percentages,
            List<FieldError> errors) {
        if (input.parts() == null || input.parts().isEmpty() || input.parts().size() > MAX_PARTS) {
            errors.add(FieldError.of(path + ".parts", "invoicing.error.parts", MAX_PARTS));
            return null;
        }
        int before = errors.size();
        List<AllocationKey.Part> parts = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < input.parts().size(); i++) {
            String partPath = path + ".parts[" + i + "]";
            PartInput part = input.parts().get(i);
            if (part == null) {
                errors.add(FieldError.of(partPath, "invoicing.error.required"));
                continue;
            }
            BigDecimal percent = part.percent();
            if (percentages) {
                if (percent == null || percent.signum() <= 0 || percent.scale() > 2 || percent.compareTo(HUNDRED) > 0) {
                    errors.add(FieldError.of(partPath + ".percent", "invoicing.error.percent"));
                } else {
                    sum = sum.add(percent);
                }
            }
            if ((part.payer() == null) == (part.key() == null)) {
                errors.add(FieldError.of(partPath, "invoicing.error.payerOrKey"));
                continue;
            }
            Payer payer = part.payer() == null ? null : payer(part.payer(), partPath + ".payer", errors);
            AllocationKey key = part.key() == null ? null : toKey(part.key(), partPath + ".key", errors);
            parts.add(new AllocationKey.Part(percentages ? percent : null, payer, key));
        }
        if (percentages && errors.size() == before && sum.compareTo(HUNDRED) != 0) {
            errors.add(FieldError.of(path + ".parts", "invoicing.error.percentSum", sum.toPlainString()));
        }
        return errors.size() == before ? parts : null;
    }

    private static @Nullable Payer payer(PayerInput input, String path, List<FieldError> errors) {
        try {
            return new Payer(Payer.Kind.valueOf(String.valueOf(input.kind())), String.valueOf(input.code()));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(path, "invoicing.error.payer"));
            return null;
        }
    }
}
