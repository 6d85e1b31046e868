package dk.fsc.invoicing.internal;

import java.util.List;

import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/allocations")
@PreAuthorize(AllocationController.READERS)
@Tag(name = "Allocations", description = "Shared costs split by allocation keys, exactly to the øre")
class AllocationController {

    static final String READERS = "hasAnyRole('FINANCE', 'MUNICIPAL_FINANCE', 'FSC_ADMIN', 'REGION_ANALYST')";

    private final Allocator allocator;

    AllocationController(Allocator allocator) {
        this.allocator = allocator;
    }

    record PreviewBody(@Nullable Long amountOre, @Nullable KeyInput key) {
    }

    @PostMapping("/preview")
    @Operation(summary = "Split an amount by a key: every payer's part with its steps and the figures the key used"
            + " (population year and figures, count date and counts); nothing is stored")
    Allocation preview(@RequestBody PreviewBody body) {
        if (body.amountOre() == null) {
            throw new InvalidInputException("The amount is missing.",
                    List.of(FieldError.of("amountOre", "invoicing.error.required")));
        }
        return allocator.allocate(body.amountOre(), body.key());
    }
}
