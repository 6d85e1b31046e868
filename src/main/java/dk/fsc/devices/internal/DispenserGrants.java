package dk.fsc.devices.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dk.fsc.assortment.Assortment;
import dk.fsc.assortment.ProductView;
import dk.fsc.citizens.CitizenId;
import dk.fsc.devices.NeedLevel;
import dk.fsc.grants.GrantedLine;
import dk.fsc.grants.Grants;
import dk.fsc.grants.LimitPeriod;
import dk.fsc.grants.NewGrant;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import dk.fsc.shared.web.FormValues;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dispenser granted with its needs assessment: a model of the dispenser area whose functions
 * cover the chosen step (or the area itself), granted through the grants module like any grant.
 * A citizen has one dispenser grant in force at a time.
 */
@Component
class DispenserGrants {

    static final String AREA = "DISPENSER";

    private final Grants grants;
    private final Assortment assortment;
    private final RuleBook ruleBook;
    private final DeviceRegister devices;
    private final JdbcClient jdbc;

    DispenserGrants(Grants grants, Assortment assortment, RuleBook ruleBook, DeviceRegister devices, JdbcClient jdbc) {
        this.grants = grants;
        this.assortment = assortment;
        this.ruleBook = ruleBook;
        this.devices = devices;
        this.jdbc = jdbc;
    }

    /** The active dispenser models a caseworker may grant today. */
    List<ProductView> models() {
        return assortment.activeInArea(AREA, devices.today()).stream().filter(model -> model.device() != null).toList();
    }

    /** The grant as the grants module takes it; what is wrong with the step or the model is added to {@code errors}. */
    NewGrant grant(Assessments.DispenserGrant typed, @Nullable NeedLevel chosen, List<FieldError> errors) {
        if (chosen != null && !chosen.needsDevice()) {
            errors.add(FieldError.of("chosen", "devices.error.grant.level"));
        }
        String modelId = typed.modelId() == null ? "" : typed.modelId().strip();
        Optional<ProductView> model = Optional.empty();
        if (!modelId.isEmpty()) {
            UUID id = FormValues.uuidOrNull(modelId);
            model = models().stream().filter(m -> m.id().value().equals(id)).findFirst();
            if (model.isEmpty()) {
                errors.add(FieldError.of("grant.modelId", "devices.error.grant.model"));
            } else if (chosen != null && chosen.needsDevice() && !model.get().device().functions()
                    .containsAll(ruleBook.current().rules().functionsFor(chosen))) {
                errors.add(FieldError.of("grant.modelId", "devices.error.grant.functions"));
            }
        }
        return new NewGrant(DevicePages.date(typed.validFrom()), DevicePages.date(typed.validTo()), null,
                List.of(new NewGrant.Line(model.map(ProductView::id).orElse(null), model.isEmpty() ? AREA : null,
                        null, FormValues.wholeNumber(typed.quantity()), period(typed.period()))));
    }

    /**
     * Grants the dispenser in the caller's transaction. The citizen is locked for it, so two
     * submits at once grant once: the second finds the first's grant and is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID make(UUID citizenId, NewGrant grant) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(?))").param("dispenser-grant:" + citizenId)
                .query(Integer.class).single();
        LocalDate today = devices.today();
        LocalDate from = grant.validFrom() == null || grant.validFrom().isBefore(today) ? today : grant.validFrom();
        CitizenId citizen = new CitizenId(citizenId);
        if (Stream.of(today, from).distinct().flatMap(day -> grants.inForce(citizen, day).stream())
                .anyMatch(this::dispenserLine)) {
            throw new ConflictException("The citizen has a dispenser grant in force already; change that grant.",
                    List.of(FieldError.of("grant.modelId", "devices.error.grant.duplicate")));
        }
        try {
            return grants.make(citizen, grant).value();
        } catch (InvalidInputException refused) {
            throw new InvalidInputException(refused.getMessage(), asAssessmentNames(refused.errors()));
        }
    }

    /**
     * What the grants module would refuse in the grant, named as the assessment names its fields;
     * nothing is granted, so the form shows these with the assessment's own errors in one answer.
     */
    List<FieldError> check(UUID citizenId, NewGrant grant) {
        return asAssessmentNames(grants.check(new CitizenId(citizenId), grant));
    }

    private static List<FieldError> asAssessmentNames(List<FieldError> errors) {
        return errors.stream().map(error -> new FieldError(field(error.field()), error.message(), error.arguments()))
                .toList();
    }

    /** The grants module's field as the assessment names it: its one line's fields are the grant's own. */
    private static String field(String grantField) {
        String line = "lines[0]";
        if (grantField.startsWith(line + ".")) {
            String part = grantField.substring(line.length() + 1);
            return "grant." + (part.equals("productId") || part.equals("area") ? "modelId" : part);
        }
        return grantField.equals(line) || grantField.equals("lines") ? "grant.modelId" : "grant." + grantField;
    }

    private boolean dispenserLine(GrantedLine line) {
        return AREA.equals(line.areaCode()) || line.productId() != null
                && assortment.product(line.productId()).map(ProductView::areaCode).filter(AREA::equals).isPresent();
    }

    private static @Nullable LimitPeriod period(@Nullable String typed) {
        String period = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        return java.util.Arrays.stream(LimitPeriod.values()).filter(p -> p.name().equals(period)).findFirst()
                .orElse(null);
    }
}
