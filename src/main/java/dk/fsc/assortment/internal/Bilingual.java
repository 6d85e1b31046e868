package dk.fsc.assortment.internal;

import java.util.Locale;

/** Something of the assortment with a Danish and an English name; the UI shows the one of its language. */
interface Bilingual {

    String nameDa();

    String nameEn();

    default String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn() : nameDa();
    }
}
