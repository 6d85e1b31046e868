package dk.fsc.assortment.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Names of areas for pages, in the page's language, where a record holds their codes. */
@Component("assortmentNames")
class AssortmentNames {

    private final AreaRepository areas;

    AssortmentNames(AreaRepository areas) {
        this.areas = areas;
    }

    /** The areas' names, joined by commas, in the order of the codes; an unknown code as it is. */
    public String areas(List<String> codes, Locale locale) {
        return String.join(", ", codes.stream()
                .map(code -> areas.area(code).map(area -> area.name(locale)).orElse(code)).toList());
    }
}
