package dk.fsc.invoicing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dk.fsc.assortment.Assortment;
import dk.fsc.grants.Grants;
import dk.fsc.reference.Municipality;
import dk.fsc.reference.MunicipalityCode;
import dk.fsc.reference.Payer;
import dk.fsc.reference.PopulationYear;
import dk.fsc.reference.ReferenceData;
import dk.fsc.shared.LargestRemainder;
import dk.fsc.shared.TimeConfiguration;
import dk.fsc.shared.problem.FieldError;
import dk.fsc.shared.problem.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Splits an amount by an allocation key, exactly to the øre: each level of the key through
 * {@link LargestRemainder} with the payers' tie order ({@link Payer#TIE_ORDER}; a part that is a
 * key of its own ranks by its first payer). The key's figures are read first, every missing
 * one named, so a key that cannot be applied splits nothing.
 */
@Service
class Allocator {

    static final long MAX_AMOUNT_ORE = 100_000_000_000_00L;

    private final ReferenceData reference;
    private final Grants grants;
    private final Assortment assortment;
    private final PayerAccounts accounts;
    private final Clock clock;

    Allocator(ReferenceData reference, Grants grants, Assortment assortment, PayerAccounts accounts, Clock clock) {
        this.reference = reference;
        this.accounts = accounts;
        this.grants = grants;
        this.assortment = assortment;
        this.clock = clock;
    }

    /** A key resolved to its weights: a payer, or weighted parts with the basis of their weights. */
    private sealed interface Node {

        Payer first();
    }

    private record Leaf(Payer payer, String name) implements Node {

        @Override
        public Payer first() {
            return payer;
        }
    }

    private record Branch(String key, String basis, List<Long> weights, BigDecimal unit, List<Node> parts)
            implements Node {

        @Override
        public Payer first() {
            return parts.stream().map(Node::first).min(Payer.TIE_ORDER).orElseThrow();
        }
    }

    /** Checks the amount and the key's figures, then splits; nothing is stored. */
    Allocation allocate(long amountOre, AllocationKey key) {
        List<FieldError> errors = new ArrayList<>();
        if (amountOre <= 0 || amountOre > MAX_AMOUNT_ORE) {
            errors.add(FieldError.of("amountOre", "invoicing.error.amount", MAX_AMOUNT_ORE));
        }
        List<Allocation.Basis> bases = new ArrayList<>();
        Node root = resolve(key, "key", bases, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The allocation cannot be made as asked.", errors);
        }
        List<Allocation.Share> shares = new ArrayList<>();
        split(amountOre, root, List.of(), shares);
        return new Allocation(amountOre, shares, bases);
    }

    /** Parses and checks a key written as JSON, then splits by it. */
    Allocation allocate(long amountOre, KeyInput input) {
        List<FieldError> errors = new ArrayList<>();
        AllocationKey key = KeyInput.toKey(input, "key", errors);
        if (key == null) {
            throw new InvalidInputException("The allocation key has invalid fields.", errors);
        }
        return allocate(amountOre, key);
    }

    private void split(long amount, Node node, List<Allocation.Step> steps, List<Allocation.Share> shares) {
        switch (node) {
            case Leaf leaf -> shares.add(new Allocation.Share(leaf.payer(), leaf.name(), amount, steps));
            case Branch branch -> {
                Map<Integer, Long> weights = new LinkedHashMap<>();
                for (int i = 0; i < branch.parts().size(); i++) {
                    weights.put(i, branch.weights().get(i));
                }
                Comparator<Integer> tieOrder = Comparator.comparing(i -> branch.parts().get(i).first(), Payer.TIE_ORDER);
                Map<Integer, Long> parts = LargestRemainder.split(amount, weights, tieOrder);
                BigDecimal total = branch.unit()
                        .multiply(BigDecimal.valueOf(branch.weights().stream().mapToLong(Long::longValue).sum()));
                parts.forEach((i, part) -> {
                    List<Allocation.Step> next = new ArrayList<>(steps);
                    next.add(new Allocation.Step(branch.key(),
                            branch.unit().multiply(BigDecimal.valueOf(branch.weights().get(i))).stripTrailingZeros(),
                            total.stripTrailingZeros(), branch.basis()));
                    split(part, branch.parts().get(i), List.copyOf(next), shares);
                });
            }
        }
    }

    private Node resolve(AllocationKey key, String path, List<Allocation.Basis> bases, List<FieldError> errors) {
        return switch (key) {
            case AllocationKey.Equal equal -> composed("equal", "equal parts", equal.parts(), path, bases, errors);
            case AllocationKey.Percentages percentages ->
                    composed("percentages", "fixed percentages", percentages.parts(), path, bases, errors);
            case AllocationKey.Population population -> population(population, path, bases, errors);
            case AllocationKey.GrantCount count -> grantCount(count, path, bases, errors);
            case AllocationKey.Counts counts -> counts(counts, path, bases, errors);
        };
    }

    private Node composed(String name, String basis, List<AllocationKey.Part> parts, String path,
            List<Allocation.Basis> bases, List<FieldError> errors) {
        List<Long> weights = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            AllocationKey.Part part = parts.get(i);
            String partPath = path + ".parts[" + i + "]";
            weights.add(part.percent() == null ? 1 : part.percent().movePointRight(2).longValueExact());
            nodes.add(part.payer() != null ? payer(part.payer(), partPath + ".payer", errors)
                    : resolve(java.util.Objects.requireNonNull(part.key()), partPath + ".key", bases, errors));
        }
        BigDecimal unit = name.equals("percentages") ? new BigDecimal("0.01") : BigDecimal.ONE;
        return new Branch(name, basis, weights, unit, nodes);
    }

    private Leaf payer(Payer payer, String path, List<FieldError> errors) {
        Optional<String> name = accounts.knownName(payer);
        if (name.isEmpty()) {
            errors.add(FieldError.of(path, "invoicing.error.unknownPayer", payer.code()));
        }
        return new Leaf(payer, name.orElse(payer.code()));
    }

    private Node population(AllocationKey.Population key, String path, List<Allocation.Basis> bases,
            List<FieldError> errors) {
        List<Municipality> municipalities = municipalitiesOf(key.region(), path, errors);
        Optional<PopulationYear> year = reference.populationYear(key.year());
        Map<String, Long> figures = new TreeMap<>();
        year.ifPresent(found -> found.figures()
                .forEach(figure -> figures.put(figure.code(), (long) figure.population())));
        List<String> missing = municipalities.stream().map(Municipality::code).filter(code -> !figures.containsKey(code))
                .toList();
        if (year.isEmpty() || !missing.isEmpty()) {
            errors.add(FieldError.of(path + ".year", "invoicing.error.populationYear", key.year(), key.region()));
            return new Branch("population", "", List.of(), BigDecimal.ONE, List.of());
        }
        return weighted("population", "population " + key.year() + " (" + year.get().source() + ")",
                municipalities, figures, bases, new Allocation.Basis("population", key.year(), null, null,
                        year.get().source(), 0, Map.of()), path, errors);
    }

    private Node grantCount(AllocationKey.GrantCount key, String path, List<Allocation.Basis> bases,
            List<FieldError> errors) {
        if (key.date().isAfter(LocalDate.now(clock.withZone(TimeConfiguration.DANISH_TIME)))) {
            errors.add(FieldError.of(path + ".date", "invoicing.error.futureDate"));
        }
        if (!assortment.areaExists(key.area())) {
            errors.add(FieldError.of(path + ".area", "invoicing.error.area", key.area()));
        }
        List<Municipality> municipalities = municipalitiesOf(key.region(), path, errors);
        if (!errors.isEmpty()) {
            return new Branch("grantCount", "", List.of(), BigDecimal.ONE, List.of());
        }
        Map<String, Long> figures = new TreeMap<>();
        grants.citizensWithGrantInArea(key.area(), key.date())
                .forEach((code, count) -> figures.put(code.value(), count));
        String source = "citizens with a grant in " + key.area() + " on " + key.date();
        return weighted("grantCount", source, municipalities, figures, bases,
                new Allocation.Basis("grantCount", null, key.date(), key.area(), source, 0, Map.of()), path, errors);
    }

    private Node counts(AllocationKey.Counts key, String path, List<Allocation.Basis> bases, List<FieldError> errors) {
        List<Municipality> municipalities = new ArrayList<>();
        key.counts().keySet().stream().sorted().forEach(code -> {
            Optional<Municipality> municipality = code.matches("[1-9][0-9]{2}")
                    ? reference.municipality(new MunicipalityCode(code)) : Optional.empty();
            municipality.ifPresentOrElse(municipalities::add,
                    () -> errors.add(FieldError.of(path + ".counts." + code, "invoicing.error.unknownPayer", code)));
        });
        return weighted("counts", "counts: " + key.basis(), municipalities, new TreeMap<>(key.counts()), bases,
                new Allocation.Basis("counts", null, null, null, key.basis(), 0, Map.of()), path, errors);
    }

    /** The municipalities weighted by their figures; the basis recorded with the figures used. */
    private Node weighted(String name, String description, List<Municipality> municipalities,
            Map<String, Long> figures, List<Allocation.Basis> bases, Allocation.Basis basis, String path,
            List<FieldError> errors) {
        Map<String, Long> used = new TreeMap<>();
        municipalities.forEach(municipality -> used.put(municipality.code(), figures.getOrDefault(municipality.code(), 0L)));
        long total = used.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0 && errors.isEmpty()) {
            errors.add(FieldError.of(path, "invoicing.error.noFigures"));
        }
        bases.add(new Allocation.Basis(basis.key(), basis.year(), basis.date(), basis.area(), basis.source(), total,
                used));
        List<Long> weights = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        municipalities.forEach(municipality -> {
            weights.add(used.get(municipality.code()));
            nodes.add(new Leaf(Payer.municipality(new MunicipalityCode(municipality.code())), municipality.name()));
        });
        return new Branch(name, description, weights, BigDecimal.ONE, nodes);
    }

    private List<Municipality> municipalitiesOf(String region, String path, List<FieldError> errors) {
        List<Municipality> found = reference.municipalities().stream()
                .filter(municipality -> municipality.regionCode().equals(region)).toList();
        if (found.isEmpty()) {
            errors.add(FieldError.of(path + ".region", "invoicing.error.regionWithoutMunicipalities", region));
        }
        return found;
    }
}
