package dk.fsc.assortment.internal;

import java.util.List;

/**
 * A product area and its groups.
 *
 * @param kind {@code DEVICE} for areas of device models that are leased (dispensers,
 *             telehealth), whose products carry their functions; {@code PRODUCT} otherwise
 */
record Area(String code, String nameDa, String nameEn, Kind kind, List<Group> groups) implements Bilingual {

    enum Kind {
        PRODUCT, DEVICE
    }

    /** @param holeCutting whether its products may carry a range of hole diameters to cut (stoma baseplates) */
    record Group(String code, String areaCode, String nameDa, String nameEn, boolean holeCutting)
            implements Bilingual {
    }
}
