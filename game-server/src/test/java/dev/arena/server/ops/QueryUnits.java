package dev.arena.server.ops;

import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a dashboard query returns, read from the PromQL text the way an
 * operator reads it: the Grafana unit its values are in, derived from the
 * metric's base-unit suffix ({@code _seconds}, {@code _bytes}, {@code _total})
 * and the function around it; and the quantile a {@code histogram_quantile}
 * asks for, or a legend's {@code pNN} names.
 *
 * <p>It knows the shapes our dashboard uses (one metric per query, raw,
 * under {@code rate()} or under {@code histogram_quantile()}, and a
 * histogram's mean, {@code rate(x_sum) / rate(x_count)}); anything else
 * is an {@link IllegalArgumentException}, so a new kind of query makes the
 * test say what to teach it rather than pass unchecked.
 */
final class QueryUnits {
    /** Metric names of every family the server exports. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:arena|vertx|jvm|process|system)_[a-z0-9_]+)\\b");
    private static final Pattern QUANTILE_QUERY = Pattern.compile("histogram_quantile\\(\\s*([0-9.]+)\\s*,");
    /** p50, p99, p999 (99.9th): a percentile with its decimal point after the second digit. */
    private static final Pattern QUANTILE_LEGEND = Pattern.compile("(?<![A-Za-z0-9])p(\\d+)(?![A-Za-z0-9])");
    private static final Pattern RATE = Pattern.compile("\\b(?:rate|irate)\\(");

    private enum Measure { SECONDS, BYTES, RATIO, COUNT }

    private QueryUnits() {
    }

    /** The Grafana unit id of the values {@code expr} returns: s, bytes, ops, Bps, percentunit or short. */
    static String unitOf(String expr) {
        String mean = meanOf(expr);
        if (mean != null) {
            return switch (measure(mean, false)) {
                case SECONDS -> "s";
                case BYTES -> "bytes";
                case RATIO -> "percentunit";
                case COUNT -> "short";
            };
        }
        String metric = singleMetric(expr);
        boolean bucket = metric.endsWith("_bucket");
        boolean counter = metric.endsWith("_total") || metric.endsWith("_count") || metric.endsWith("_sum");
        Measure measure = measure(metric.replaceFirst("_(bucket|total|count|sum)$", ""), metric.endsWith("_count"));
        if (expr.contains("histogram_quantile(")) {
            if (!bucket) {
                throw new IllegalArgumentException("histogram_quantile of " + metric + ", which is not a _bucket series: " + expr);
            }
            return switch (measure) {
                case SECONDS -> "s";
                case BYTES -> "bytes";
                // a histogram of how many (entities in a view, cells encoded): a plain number
                case COUNT -> "short";
                case RATIO -> throw new IllegalArgumentException("a histogram of " + metric + " is a ratio: " + expr);
            };
        }
        if (RATE.matcher(expr).find()) {
            if (!counter) {
                throw new IllegalArgumentException("rate() of " + metric + ", which is not a counter: " + expr);
            }
            return switch (measure) {
                case COUNT -> "ops";
                case BYTES -> "Bps";
                // seconds per second: the share of time spent
                case SECONDS, RATIO -> "percentunit";
            };
        }
        if (counter || bucket) {
            throw new IllegalArgumentException(metric + " is a counter plotted raw; chart rate() of it: " + expr);
        }
        return switch (measure) {
            case SECONDS -> "s";
            case BYTES -> "bytes";
            case RATIO -> "percentunit";
            case COUNT -> "short";
        };
    }

    /** The quantile a {@code histogram_quantile} query asks for, or null when it asks for none. */
    static BigDecimal quantileOfQuery(String expr) {
        Matcher m = QUANTILE_QUERY.matcher(expr);
        return m.find() ? new BigDecimal(m.group(1)).stripTrailingZeros() : null;
    }

    /** The quantile a legend names (p5 = 0.05, p50 = 0.5, p999 = 0.999), or null when it names none. */
    static BigDecimal quantileOfLegend(String legend) {
        Matcher m = QUANTILE_LEGEND.matcher(legend);
        if (!m.find()) {
            return null;
        }
        String digits = m.group(1).length() < 2 ? "0" + m.group(1) : m.group(1);
        // the digits after the first two are the percentile's decimals: 999 is 99.9 %
        return new BigDecimal(digits).movePointLeft(digits.length()).stripTrailingZeros();
    }

    /** Every metric name {@code text} mentions. */
    static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The histogram whose mean {@code expr} is ({@code rate(x_sum) / rate(x_count)}, each maybe under
     * {@code sum()}), or null for any other query.
     */
    private static String meanOf(String expr) {
        Set<String> names = metricNames(expr);
        if (names.size() != 2 || !expr.contains("/") || !RATE.matcher(expr).find()) {
            return null;
        }
        String first = names.iterator().next();
        String base = first.replaceFirst("_(count|sum)$", "");
        return names.equals(Set.of(base + "_count", base + "_sum"))
                && expr.indexOf(base + "_sum") < expr.indexOf(base + "_count") ? base : null;
    }

    private static String singleMetric(String expr) {
        Set<String> names = metricNames(expr);
        if (names.size() != 1) {
            throw new IllegalArgumentException("expected one metric per query, found " + names + " in: " + expr
                    + " (teach QueryUnits this shape of query)");
        }
        return names.iterator().next();
    }

    private static Measure measure(String base, boolean histogramCount) {
        if (histogramCount) {
            return Measure.COUNT;
        }
        if (base.endsWith("_seconds")) {
            return Measure.SECONDS;
        }
        if (base.endsWith("_bytes")) {
            return Measure.BYTES;
        }
        // Micrometer's 0..1 gauges: process_cpu_usage, system_cpu_usage, jvm_gc_overhead
        if (base.endsWith("_usage") || base.endsWith("_overhead") || base.endsWith("_ratio")) {
            return Measure.RATIO;
        }
        return Measure.COUNT;
    }
}
