package dk.fsc.reference.internal;

import java.util.ArrayList;
import java.util.List;

import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.shared.problem.ConflictException;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds a municipality of any region, so that more regions can join the platform. A cluster
 * named for the first time is created in the municipality's region.
 */
@Service
class AddMunicipality {

    private final ReferenceRepository repository;

    AddMunicipality(ReferenceRepository repository) {
        this.repository = repository;
    }

    record Command(@Nullable String code, @Nullable String name, @Nullable String regionCode,
            @Nullable String cluster) {
    }

    @Transactional
    @PreAuthorize("hasRole('FSC_ADMIN')")
    public Municipality add(Command command) {
        List<FieldError> errors = new ArrayList<>();
        MunicipalityCode code = null;
        try {
            code = MunicipalityCode.parse("code", command.code() == null ? "" : command.code());
        } catch (InvalidInputException e) {
            errors.addAll(e.errors());
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(FieldError.of("name", "reference.error.name"));
        }
        String region = command.regionCode() == null ? "" : command.regionCode().strip();
        if (!repository.regionExists(region)) {
            errors.add(FieldError.of("regionCode", "reference.error.region"));
        }
        String cluster = command.cluster() == null || command.cluster().isBlank() ? null : command.cluster().strip();
        if (cluster != null && cluster.length() > 100) {
            errors.add(FieldError.of("cluster", "reference.error.cluster"));
        } else if (cluster != null) {
            repository.clusterRegion(cluster).filter(clusterRegion -> !clusterRegion.equals(region))
                    .ifPresent(other -> errors.add(FieldError.of("cluster", "reference.error.clusterRegion", other)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The municipality has invalid fields.", errors);
        }
        if (repository.municipality(code).isPresent()) {
            throw new ConflictException("Municipality " + code + " already exists.",
                    List.of(FieldError.of("code", "reference.error.taken")));
        }
        if (repository.municipalityNameTaken(name)) {
            throw new ConflictException("A municipality named " + name + " already exists.",
                    List.of(FieldError.of("name", "reference.error.taken")));
        }
        if (cluster != null) {
            repository.insertCluster(cluster, region);
        }
        repository.insertMunicipality(code, name, region, cluster);
        return repository.municipality(code).orElseThrow();
    }
}
