package dk.fsc.shared;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one split of money on the platform (economics.md): each party gets the floor of its exact
 * share of {@code amount} by its weight, then the øre left over go one at a time to the parties
 * with the largest remainders, ties to the party first in {@code tieOrder}. The parts always sum
 * exactly to the amount. Allocation keys, the monthly spread of a yearly amount and business
 * cases all split through here.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Splits {@code amount} (øre, may be negative for a credit) by {@code weights} (each zero or
     * more, not all zero), keeping the weights' iteration order in the result.
     */
    public static <K> Map<K, Long> split(long amount, Map<K, Long> weights, Comparator<? super K> tieOrder) {
        if (amount < 0) {
            Map<K, Long> positive = split(-amount, weights, tieOrder);
            Map<K, Long> negated = new LinkedHashMap<>();
            positive.forEach((key, part) -> negated.put(key, -part));
            return negated;
        }
        BigInteger total = BigInteger.ZERO;
        for (Long weight : weights.values()) {
            if (weight < 0) {
                throw new IllegalArgumentException("A weight is negative: " + weight);
            }
            total = total.add(BigInteger.valueOf(weight));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("The weights sum to zero.");
        }
        BigInteger whole = BigInteger.valueOf(amount);
        Map<K, Long> parts = new LinkedHashMap<>();
        List<Remainder<K>> remainders = new ArrayList<>();
        long handedOut = 0;
        for (Map.Entry<K, Long> weight : weights.entrySet()) {
            BigInteger[] share = whole.multiply(BigInteger.valueOf(weight.getValue())).divideAndRemainder(total);
            long floor = share[0].longValueExact();
            parts.put(weight.getKey(), floor);
            handedOut += floor;
            remainders.add(new Remainder<>(weight.getKey(), share[1]));
        }
        remainders.sort(Comparator.<Remainder<K>, BigInteger>comparing(Remainder::remainder).reversed()
                .thenComparing(Remainder::key, tieOrder));
        for (int i = 0; i < amount - handedOut; i++) {
            parts.merge(remainders.get(i).key(), 1L, Long::sum);
        }
        return parts;
    }

    /** Splits {@code amount} into {@code count} parts as equal as can be, the earlier parts larger. */
    public static List<Long> evenly(long amount, int count) {
        Map<Integer, Long> weights = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            weights.put(i, 1L);
        }
        return List.copyOf(split(amount, weights, Comparator.naturalOrder()).values());
    }

    private record Remainder<K>(K key, BigInteger remainder) {
    }
}
