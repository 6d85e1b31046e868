package dk.fsc.reference;

import java.util.List;

/** A health-agreement cluster (klynge) around an acute hospital, and its municipalities. */
public record Cluster(String name, String regionCode, List<String> municipalityCodes) {
}
