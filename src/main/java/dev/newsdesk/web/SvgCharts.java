package dev.newsdesk.web;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as SVG text, drawn on the server: no script, no chart library, nothing the CSP has to allow. Colours
 * come from CSS classes (newsdesk.css), one per series; every bar carries its number in {@code data-value} and a
 * {@code <title>} (the tooltip, and what tests read).
 */
final class SvgCharts {
    private SvgCharts() {}

    /** One series of a stacked bar chart: a CSS class, a label for the legend and one value per category. */
    record Series(String cssClass, String label, List<Long> values) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 20;

    /**
     * Stacked bars, one per category (a day), series bottom-up in the order given.
     *
     * @param id the element id (tests and anchors find charts by it)
     */
    static String stacked(String id, String title, List<String> categories, List<Series> series, String unit) {
        long max = 1;
        for (int i = 0; i < categories.size(); i++) {
            long sum = 0;
            for (Series s : series) sum += s.values().get(i);
            max = Math.max(max, sum);
        }
        int plotW = WIDTH - LEFT - 10;
        int plotH = HEIGHT - TOP - BOTTOM;
        double step = categories.isEmpty() ? plotW : (double) plotW / categories.size();
        double barW = Math.max(2, step * 0.7);
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"chart\"><figcaption>").append(Html.text(title)).append("</figcaption>")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(Html.attr(id)).append("\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" aria-label=\"").append(Html.attr(title)).append("\">");
        sb.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(TOP + plotH).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(TOP + plotH).append("\"/>");
        sb.append("<text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">")
                .append(max).append("</text><text class=\"tick\" x=\"").append(LEFT - 4).append("\" y=\"").append(TOP + plotH)
                .append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < categories.size(); i++) {
            double x = LEFT + i * step + (step - barW) / 2;
            double y = TOP + plotH;
            for (Series s : series) {
                long v = s.values().get(i);
                double h = (double) v / max * plotH;
                y -= h;
                sb.append("<rect class=\"bar ").append(Html.attr(s.cssClass())).append("\" data-category=\"").append(Html.attr(categories.get(i)))
                        .append("\" data-value=\"").append(v).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                        .append("\" width=\"").append(fmt(barW)).append("\" height=\"").append(fmt(h)).append("\"><title>")
                        .append(Html.text((categories.get(i) + ": " + v + " " + s.label() + " " + unit).strip().replaceAll("\\s+", " ")))
                        .append("</title></rect>");
            }
            // label the first, the last and every seventh day so the axis stays legible
            if (categories.size() <= 10 || i == 0 || i == categories.size() - 1 || (i % 7 == 0 && i < categories.size() - 3)) {
                sb.append("<text class=\"tick\" x=\"").append(fmt(x + barW / 2)).append("\" y=\"").append(HEIGHT - 10)
                        .append("\" text-anchor=\"middle\">").append(Html.text(shortDay(categories.get(i)))).append("</text>");
            }
        }
        sb.append("</svg><p class=\"legend\">");
        for (Series s : series) {
            long total = s.values().stream().mapToLong(Long::longValue).sum();
            if (s.label().isEmpty()) continue;
            sb.append("<span class=\"key ").append(Html.attr(s.cssClass())).append("\">").append(Html.text(s.label()))
                    .append(unit.isEmpty() ? ": " + total : "").append("</span> ");
        }
        return sb.append("</p></figure>").toString();
    }

    /** One bar per category, a single series (totals such as feedback counts or latency percentiles). */
    static String bars(String id, String title, List<String> categories, List<Long> values, String cssClass, String unit) {
        return stacked(id, title, categories, List.of(new Series(cssClass, "", values)), unit);
    }

    private static String shortDay(String isoDay) {
        return isoDay.matches("\\d{4}-\\d\\d-\\d\\d") ? isoDay.substring(5) : isoDay;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
