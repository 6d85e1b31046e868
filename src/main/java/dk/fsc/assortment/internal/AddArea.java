package dk.fsc.assortment.internal;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a product area (when the service centre takes on e.g. a new kind of aid) or a product
 * group within one. Codes are upper-case and unique among areas and groups alike.
 */
@Service
class AddArea {

    private final AreaRepository areas;

    AddArea(AreaRepository areas) {
        this.areas = areas;
    }

    /** @param kind {@code PRODUCT}, or {@code DEVICE} for device models that are leased */
    record AreaCommand(@Nullable String code, @Nullable String nameDa, @Nullable String nameEn,
            @Nullable String kind) {
    }

    record GroupCommand(@Nullable String code, @Nullable String nameDa, @Nullable String nameEn,
            @Nullable Boolean holeCutting) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Area addArea(AreaCommand command) {
        List<FieldError> errors = new ArrayList<>();
        String code = AssortmentInput.code("code", command.code(), errors);
        String nameDa = AssortmentInput.text("nameDa", command.nameDa(), 100, errors);
        String nameEn = AssortmentInput.text("nameEn", command.nameEn(), 100, errors);
        Area.Kind kind = Area.Kind.PRODUCT;
        if (command.kind() != null && !command.kind().isBlank()) {
            try {
                kind = Area.Kind.valueOf(command.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("kind", "must be PRODUCT or DEVICE"));
            }
        }
        AssortmentInput.check("The product area has invalid fields.", errors);
        unique(code);
        Area area = new Area(code, nameDa, nameEn, kind, List.of());
        areas.insertArea(area);
        return area;
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Area.Group addGroup(String areaCode, GroupCommand command) {
        if (!areas.areaExists(areaCode)) {
            throw new NotFoundException("No product area with this code.");
        }
        List<FieldError> errors = new ArrayList<>();
        String code = AssortmentInput.code("code", command.code(), errors);
        String nameDa = AssortmentInput.text("nameDa", command.nameDa(), 100, errors);
        String nameEn = AssortmentInput.text("nameEn", command.nameEn(), 100, errors);
        AssortmentInput.check("The product group has invalid fields.", errors);
        unique(code);
        Area.Group group = new Area.Group(code, areaCode, nameDa, nameEn, Boolean.TRUE.equals(command.holeCutting()));
        areas.insertGroup(group);
        return group;
    }

    private void unique(String code) {
        if (areas.codeTaken(code)) {
            throw new ConflictException("The code " + code + " is taken by an area or group.",
                    List.of(new FieldError("code", "is already an area's or group's code")));
        }
    }
}
