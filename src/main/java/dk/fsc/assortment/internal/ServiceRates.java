package dk.fsc.assortment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rates FSC charges (support per minute; service, setup, takedown, on-site support and
 * consultancy per hour; hole cutting per plate; delivery per shipment; storage per unit and
 * month; the lease per device model and month; the yearly base contribution), each valid from
 * a date. Like prices, a new rate starts after today and never alters the past.
 */
@Service
class ServiceRates {

    private final ServiceRateRepository rates;
    private final ProductRepository products;
    private final AreaRepository areas;
    private final Clock clock;

    ServiceRates(ServiceRateRepository rates, ProductRepository products, AreaRepository areas, Clock clock) {
        this.rates = rates;
        this.products = products;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<ServiceRate> on(LocalDate date) {
        return rates.ratesOn(date);
    }

    /** The kinds of rate, in the order the rates are listed. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<String> kinds() {
        return rates.kinds();
    }

    /** @param productId the device model, for a kind set per model (the lease) */
    record Command(@Nullable String kind, @Nullable UUID productId, @Nullable LocalDate validFrom,
            @Nullable Long amountOre) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public ServiceRate add(Command command, String by) {
        List<FieldError> errors = new ArrayList<>();
        Optional<ServiceRateRepository.Kind> kind = Optional.empty();
        if (command.kind() == null || command.kind().isBlank()) {
            errors.add(FieldError.of("kind", "assortment.error.required"));
        } else {
            kind = rates.kind(command.kind().strip());
            if (kind.isEmpty()) {
                errors.add(FieldError.of("kind", "assortment.error.unknownRateKind", String.join(", ", rates.kinds())));
            }
        }
        kind.ifPresent(known -> model(known, command.productId(), errors));
        LocalDate validFrom = AssortmentInput.required("validFrom", command.validFrom(), errors);
        AssortmentInput.notInThePast("validFrom", validFrom, clock, errors);
        Long amount = AssortmentInput.required("amountOre", command.amountOre(), errors);
        if (amount != null && (amount < 0 || amount > PriceListCsv.MAX_PRICE_ORE)) {
            errors.add(FieldError.of("amountOre", "assortment.error.amount", PriceListCsv.MAX_PRICE_ORE));
        }
        AssortmentInput.check("The service rate has invalid fields.", errors);
        String code = kind.orElseThrow().code();
        if (!rates.insert(code, command.productId(), validFrom, amount, false, clock.instant(), by)) {
            throw new ConflictException("There is a " + code + " rate from " + validFrom + " already; rates are"
                    + " never changed.", List.of(FieldError.of("validFrom", "assortment.error.rateTaken")));
        }
        return rates.ratesOn(validFrom).stream()
                .filter(rate -> rate.kind().equals(code) && Objects.equals(rate.productId(), command.productId()))
                .findFirst().orElseThrow();
    }

    private void model(ServiceRateRepository.Kind kind, @Nullable UUID productId, List<FieldError> errors) {
        if (!kind.perModel()) {
            if (productId != null) {
                errors.add(FieldError.of("productId", "assortment.error.rateNotPerModel", kind.code()));
            }
            return;
        }
        if (productId == null) {
            errors.add(FieldError.of("productId", "assortment.error.ratePerModel", kind.code()));
            return;
        }
        boolean deviceModel = products.find(productId)
                .flatMap(product -> areas.area(product.areaCode()))
                .filter(area -> area.kind() == Area.Kind.DEVICE).isPresent();
        if (!deviceModel) {
            errors.add(FieldError.of("productId", "assortment.error.notDeviceModel"));
        }
    }
}
