package dev.arena.loadtest;

import dev.arena.loadtest.Stats.Count;
import dev.arena.loadtest.floor.FloorComparison;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of one run: the figures, and plots drawn here as
 * inline SVG (no scripts, styles or fonts from anywhere else). The page is
 * also well-formed XML, so a test can parse it.
 */
public final class HtmlReport {
    private static final int W = 760;
    private static final int H = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 42;
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#9467bd", "#8c564b"};

    private HtmlReport() {
    }

    /** One line of a chart. */
    record Series(String name, double[] y) {
    }

    public static String render(RunResult r) {
        JsonObject json = r.toJson();
        List<LoadRun.Sample> s = r.samples;
        int n = s.size();
        double[] t = new double[n];
        double[] p50 = new double[n];
        double[] p90 = new double[n];
        double[] p99 = new double[n];
        double[] max = new double[n];
        double[] playing = new double[n];
        double[] inputs = new double[n];
        double[] updates = new double[n];
        double[] rx = new double[n];
        double[] tx = new double[n];
        for (int i = 0; i < n; i++) {
            LoadRun.Sample x = s.get(i);
            t[i] = x.t();
            p50[i] = x.latencyCount() == 0 ? Double.NaN : x.p50();
            p90[i] = x.latencyCount() == 0 ? Double.NaN : x.p90();
            p99[i] = x.latencyCount() == 0 ? Double.NaN : x.p99();
            max[i] = x.latencyCount() == 0 ? Double.NaN : x.max();
            playing[i] = x.playing();
            inputs[i] = x.count(Count.INPUTS_SENT);
            updates[i] = x.count(Count.UPDATES);
            rx[i] = x.count(Count.BYTES_IN) / 1e6;
            tx[i] = x.count(Count.BYTES_OUT) / 1e6;
        }
        List<double[]> bands = phaseBands(s);

        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<title>arena-bench ").append(esc(r.startedAt.toString())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:24px;color:#222;max-width:820px}")
                .append("table{border-collapse:collapse;margin:8px 0 24px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}")
                .append("th{background:#f3f3f3}svg{display:block;margin:8px 0 24px;background:#fff}")
                .append(".ok{color:#2a7d2a}.bad{color:#b22}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}\n")
                .append("</style>\n</head>\n<body>\n");
        b.append("<h1>arena-bench</h1>\n<p>").append(esc(r.options.rooms + " rooms x " + r.options.players
                + " players = " + r.options.bots() + " bots; " + Math.round(r.measuredSeconds) + " s measured after "
                + r.options.warmupSeconds + " s warm-up; inputs at " + r.options.inputHz + " Hz; started "
                + r.startedAt)).append("</p>\n");
        b.append("<p class=\"").append(r.clean() ? "ok" : "bad").append("\">")
                .append(r.clean() ? "Clean run: every bot joined and stayed, no errors."
                        : esc("Not clean: " + r.errors() + " errors, " + r.total(Count.DISCONNECTS) + " disconnects, "
                        + r.total(Count.REJECTED_JOINS) + " rejected joins" + r.rejectedJoinReasons() + "."))
                .append("</p>\n");

        b.append("<h2>Figures</h2>\n<table>\n<tr><th>figure</th><th>value</th></tr>\n");
        row(b, r.latencyOf + " latency p50 / p90 / p99 / p99.9 / max", String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f / %.1f ms",
                r.latencyMillis(50), r.latencyMillis(90), r.latencyMillis(99), r.latencyMillis(99.9), r.maxLatencyMillis()));
        row(b, r.latencyOf + "s measured", Long.toString(r.measured.getTotalCount()));
        if (r.latencyNote != null) {
            row(b, "what the " + r.latencyOf + " latency includes", r.latencyNote);
        }
        row(b, "bytes per player per second, server to client", String.format(Locale.ROOT, "%.0f", r.perPlayer(Count.BYTES_IN)));
        row(b, "bytes per player per second, client to server", String.format(Locale.ROOT, "%.0f", r.perPlayer(Count.BYTES_OUT)));
        row(b, "messages per second, server to client / client to server", String.format(Locale.ROOT, "%.0f / %.0f",
                r.rate(Count.MESSAGES_IN), r.rate(Count.MESSAGES_OUT)));
        row(b, "errors / disconnects / rejected joins", r.errors() + " / " + r.total(Count.DISCONNECTS) + " / "
                + r.total(Count.REJECTED_JOINS) + r.rejectedJoinReasons());
        row(b, "load generator CPU", String.format(Locale.ROOT, "%.1f s", r.botCpuNanos / 1e9)
                + (r.botUserCpuNanos < 0 ? "" : String.format(Locale.ROOT, " (%.1f user + %.1f sys)",
                        r.botUserCpuNanos / 1e9, r.botSystemCpuNanos / 1e9)));
        if (r.server != null) {
            JsonObject server = json.getJsonObject("server");
            String who = r.server.floor() ? "floor server (bare Netty, no game)" : "server";
            row(b, who + " CPU", String.format(Locale.ROOT, "%.2f s (%.1f%% of one core; %.2f s per 1,000 players per minute)",
                    server.getDouble("cpuSeconds"), server.getDouble("cpuPercentOfOneCore"),
                    server.getDouble("cpuSecondsPer1000PlayersPerMinute")));
            row(b, who + " CPU per 1,000 players per minute, user / system", String.format(Locale.ROOT, "%.2f s / %.2f s",
                    server.getDouble("userCpuSecondsPer1000PlayersPerMinute"),
                    server.getDouble("systemCpuSecondsPer1000PlayersPerMinute")));
            FloorComparison vsFloor = r.floorComparison();
            if (vsFloor != null) {
                row(b, "server CPU, ratio to the floor (user / system)", FloorComparison.times(vsFloor.cpuRatio()) + " ("
                        + FloorComparison.times(vsFloor.userCpuRatio()) + " / " + FloorComparison.times(vsFloor.systemCpuRatio())
                        + "), floor " + r.floor.file);
                for (String warning : vsFloor.warnings()) {
                    row(b, "warning", warning);
                }
            }
            row(b, "server peak RSS", String.format(Locale.ROOT, "%.0f MiB", server.getDouble("peakRssMiB")));
            row(b, "server JVM flags", String.join(" ", r.server.jvmFlags()));
        }
        b.append("</table>\n");

        String latency = Character.toUpperCase(r.latencyOf.charAt(0)) + r.latencyOf.substring(1) + " latency";
        b.append("<h2>").append(esc(latency)).append(" over time</h2>\n");
        b.append(chart("per second, ms", "time (s)", t, List.of(new Series("p50", p50), new Series("p90", p90),
                new Series("p99", p99), new Series("max", max)), bands, false));
        b.append("<h2>").append(esc(latency)).append(" distribution (measured window)</h2>\n");
        b.append(percentileChart(r.measured, r.latencyOf));
        b.append(histogramChart(r.measured, r.latencyOf));
        b.append("<h2>Bots playing</h2>\n");
        b.append(chart("bots", "time (s)", t, List.of(new Series("playing", playing)), bands, false));
        b.append("<h2>Throughput</h2>\n");
        b.append(chart("messages per second", "time (s)", t, List.of(new Series("inputs sent", inputs),
                new Series("state updates received", updates)), bands, false));
        b.append(chart("MB per second", "time (s)", t, List.of(new Series("server to bots", rx),
                new Series("bots to server", tx)), bands, false));
        b.append("<p>Shaded: ramp (grey), warm-up (yellow); white: measured.</p>\n");
        b.append("<h2>Result JSON</h2>\n<pre>").append(esc(json.encodePrettily())).append("</pre>\n");
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><td>").append(esc(name)).append("</td><td>").append(esc(value)).append("</td></tr>\n");
    }

    /** [start, end, phase ordinal] of each run of equal phases. */
    private static List<double[]> phaseBands(List<LoadRun.Sample> s) {
        List<double[]> bands = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < s.size(); i++) {
            LoadRun.Sample x = s.get(i);
            if (i == s.size() - 1 || s.get(i + 1).phase() != x.phase()) {
                bands.add(new double[]{start, x.t(), x.phase().ordinal()});
                start = x.t();
            }
        }
        return bands;
    }

    /** Latency against percentile, x on the usual log scale of 1 / (1 - p). */
    private static String percentileChart(Histogram h, String of) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 100) {
                    break;
                }
                xs.add(Math.log10(1 / (1 - p / 100)));
                ys.add(h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            }
            xs.add(Math.max(xs.isEmpty() ? 1 : xs.get(xs.size() - 1), Math.log10(h.getTotalCount())));
            ys.add(h.getMaxValue() / 1000.0);
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        return chart("latency (ms) by percentile", "percentile", x, List.of(new Series(of + " latency", y)), List.of(), true);
    }

    /** Counts of inputs (or moves) per latency bucket. */
    private static String histogramChart(Histogram h, String of) {
        int buckets = 60;
        double top = h.getTotalCount() == 0 ? 1 : Math.max(1, h.getValueAtPercentile(99.9) / 1000.0);
        double width = niceStep(top / buckets);
        double[] x = new double[buckets];
        double[] y = new double[buckets];
        for (int i = 0; i < buckets; i++) {
            x[i] = (i + 0.5) * width;
            long lo = Math.round(i * width * 1000);
            long hi = Math.round((i + 1) * width * 1000) - 1;
            y[i] = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(lo, hi);
        }
        return chart(of + "s per " + fmt(width) + " ms bucket (to p99.9)", "latency (ms)", x,
                List.of(new Series(of + "s", y)), List.of(), false);
    }

    static String chart(String yLabel, String xLabel, double[] x, List<Series> series, List<double[]> bands,
                        boolean percentileAxis) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            xMin = Math.min(xMin, v);
            xMax = Math.max(xMax, v);
        }
        if (!(xMin < xMax)) {
            xMin = x.length == 0 ? 0 : xMin - 1;
            xMax = x.length == 0 ? 1 : xMax + 1;
        }
        if (!percentileAxis) {
            xMin = Math.min(0, xMin);
        } else {
            xMin = 0;
        }
        double yMax = 0;
        for (Series s : series) {
            for (double v : s.y()) {
                if (Double.isFinite(v)) {
                    yMax = Math.max(yMax, v);
                }
            }
        }
        double yStep = niceStep(yMax <= 0 ? 0.2 : yMax / 5);
        yMax = Math.max(yStep, Math.ceil(yMax / yStep) * yStep);
        double pw = W - LEFT - RIGHT;
        double ph = H - TOP - BOTTOM;
        final double fx0 = xMin;
        final double fx1 = xMax;
        final double fy1 = yMax;
        java.util.function.DoubleUnaryOperator sx = v -> LEFT + (v - fx0) / (fx1 - fx0) * pw;
        java.util.function.DoubleUnaryOperator sy = v -> TOP + ph - v / fy1 * ph;

        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-size=\"11\" font-family=\"sans-serif\">\n");
        for (double[] band : bands) {
            if (band[2] == LoadRun.Phase.MEASURE.ordinal()) {
                continue;
            }
            String fill = band[2] == LoadRun.Phase.RAMP.ordinal() ? "#eeeeee" : "#fff6d5";
            double a = sx.applyAsDouble(Math.max(band[0], fx0));
            double z = sx.applyAsDouble(Math.min(band[1], fx1));
            if (z > a) {
                b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
                        a, TOP, z - a, ph, fill));
            }
        }
        // y grid and labels
        for (double v = 0; v <= yMax + yStep / 2; v += yStep) {
            double y = sy.applyAsDouble(v);
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    LEFT, y, W - RIGHT, y));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    LEFT - 6, y + 4, esc(fmt(v))));
        }
        // x ticks
        if (percentileAxis) {
            String[] labels = {"0%", "90%", "99%", "99.9%", "99.99%", "99.999%", "99.9999%"};
            for (int i = 0; i < labels.length && i <= xMax + 1e-9; i++) {
                double xx = sx.applyAsDouble(i);
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                        xx, TOP, xx, TOP + ph));
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                        xx, TOP + ph + 16, labels[i]));
            }
        } else {
            double xStep = niceStep((xMax - xMin) / 8);
            for (double v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-9; v += xStep) {
                double xx = sx.applyAsDouble(v);
                b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#999\"/>\n",
                        xx, TOP + ph, xx, TOP + ph + 4));
                b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n",
                        xx, TOP + ph + 16, esc(fmt(v))));
            }
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>\n",
                LEFT, TOP, pw, ph));
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                LEFT + pw / 2, H - 6, esc(xLabel)));
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", LEFT, TOP - 10, esc(yLabel)));
        // series
        int lx = W - RIGHT - 8;
        for (int si = series.size() - 1; si >= 0; si--) {
            Series s = series.get(si);
            String color = COLORS[si % COLORS.length];
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < x.length && i < s.y().length; i++) {
                double v = s.y()[i];
                if (!Double.isFinite(v)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f",
                        sx.applyAsDouble(x[i]), sy.applyAsDouble(v)));
                pen = true;
            }
            if (path.length() > 0) {
                b.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(color)
                        .append("\" stroke-width=\"1.5\"/>\n");
            }
            String label = esc(s.name());
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"%s\">%s</text>\n",
                    lx, TOP - 10, color, label));
            lx -= 8 + 7 * s.name().length();
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[]{1, 2, 5, 10}) {
            if (m * p >= raw - 1e-12) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String fmt(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
