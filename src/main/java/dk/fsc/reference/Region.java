package dk.fsc.reference;

/** A Danish region, e.g. 1082 Region Midtjylland. */
public record Region(String code, String name) {
}
