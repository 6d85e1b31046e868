package dk.fsc.statistics.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.fsc.reference.Cluster;
import dk.fsc.reference.ReferenceData;

/**
 * The areas an indicator is broken down by: the clusters of its region (by name) or its
 * municipalities (by code), in the reference data's order, each with the name shown.
 */
record IndicatorAreas(Map<String, String> names) {

    static IndicatorAreas of(Indicator indicator, ReferenceData referenceData) {
        Map<String, String> all = new LinkedHashMap<>();
        if (indicator.breakdown() == Indicator.Breakdown.CLUSTER) {
            referenceData.clusters().stream().filter(cluster -> cluster.regionCode().equals(indicator.regionCode()))
                    .map(Cluster::name).forEach(name -> all.put(name, name));
        } else {
            referenceData.municipalities().stream()
                    .filter(municipality -> municipality.regionCode().equals(indicator.regionCode()))
                    .forEach(municipality -> all.put(municipality.code(), municipality.name()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        indicator.areaOrder().stream().filter(all::containsKey).forEach(area -> names.put(area, all.get(area)));
        names.putAll(all);
        return new IndicatorAreas(names);
    }

    /** The area's key for what a user or file wrote: a cluster's name, a municipality's code or name, any case. */
    Optional<String> resolve(String written) {
        String wanted = written.strip().toLowerCase(Locale.ROOT);
        return names.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                        || entry.getValue().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getKey).findFirst();
    }
}
