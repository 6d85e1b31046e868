package dk.fsc.assortment;

import java.util.List;
import java.util.Locale;

/** A product area and its product groups, with their Danish and English names. */
public record ProductArea(String code, String nameDa, String nameEn, List<Group> groups) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
    }

    public record Group(String code, String nameDa, String nameEn) {

        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
        }
    }
}
