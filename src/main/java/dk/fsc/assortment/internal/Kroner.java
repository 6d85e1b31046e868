package dk.fsc.assortment.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Shows an amount in øre as kroner in the page's language ({@code 1.234,50 kr}), exactly: no floating point. */
@Component("kroner")
public class Kroner {

    public String format(long ore, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(BigDecimal.valueOf(ore, 2)) + " kr";
    }
}
