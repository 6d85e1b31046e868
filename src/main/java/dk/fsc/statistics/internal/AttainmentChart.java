package dk.fsc.statistics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An indicator's bar chart drawn as SVG on the server (no script): per period the attainment
 * of the target in per cent, or the total when there is no target. A period without data gets
 * no bar and is labelled as missing, never drawn as zero.
 *
 * @param targetY where the 100 % line is drawn, or -1 when the indicator has no target
 */
public record AttainmentChart(int width, int height, int baseline, int targetY, List<Bar> bars) {

    public static final int BAR_WIDTH = 56;
    static final int GAP = 24;
    static final int TOP = 20;
    static final int PLOT_HEIGHT = 200;

    /** @param value the attainment or total shown above the bar; null when missing */
    public int barWidth() {
        return BAR_WIDTH;
    }

    public record Bar(String period, int x, int y, int barHeight, @Nullable BigDecimal value, boolean incomplete) {

        public boolean missing() {
            return value == null;
        }

        public int centre() {
            return x + BAR_WIDTH / 2;
        }
    }

    static AttainmentChart of(Indicators.Table table) {
        boolean attainment = table.indicator().target() != null;
        BigDecimal max = BigDecimal.valueOf(attainment ? 100 : 1);
        for (Indicators.Row row : table.rows()) {
            BigDecimal value = value(row, attainment);
            if (value != null && value.compareTo(max) > 0) {
                max = value;
            }
        }
        int baseline = TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        int x = GAP + 40;
        for (Indicators.Row row : table.rows()) {
            BigDecimal value = value(row, attainment);
            int barHeight = value == null ? 0
                    : value.multiply(BigDecimal.valueOf(PLOT_HEIGHT)).divide(max, 0, RoundingMode.HALF_UP)
                            .intValue();
            bars.add(new Bar(row.period().code(), x, baseline - barHeight, barHeight, value, row.incomplete()));
            x += BAR_WIDTH + GAP;
        }
        int targetY = attainment ? baseline - BigDecimal.valueOf(100L * PLOT_HEIGHT)
                .divide(max, 0, RoundingMode.HALF_UP).intValue() : -1;
        return new AttainmentChart(x, baseline + 40, baseline, targetY, bars);
    }

    private static @Nullable BigDecimal value(Indicators.Row row, boolean attainment) {
        if (attainment) {
            return row.attainment();
        }
        return row.total() == null ? null : BigDecimal.valueOf(row.total());
    }
}
