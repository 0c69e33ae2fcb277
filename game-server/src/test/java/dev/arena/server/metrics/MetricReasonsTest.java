package dev.arena.server.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reason labels stay a small closed set, and the set matches what the server's code passes. */
class MetricReasonsTest {
    /** A refusal, rejection or close with a literal reason: {@code (CloseCodes.X, "reason"}. */
    private static final Pattern WITH_CODE = Pattern.compile(
            "(refused|ProtocolException|closeWithError|closeAll)\\((?:[\\w.]*\\.)?CloseCodes\\.[A-Z_]+,\\s*\"([a-z_]+)\"");
    private static final Pattern MALFORMED = Pattern.compile("malformed\\(\"([a-z_]+)\"");

    @Test
    void everyReasonTheServerPassesIsAKnownLabelValue() throws IOException {
        Set<String> refusals = new TreeSet<>();
        Set<String> rejections = new TreeSet<>();
        Set<String> closes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = WITH_CODE.matcher(source);
                while (m.find()) {
                    (switch (m.group(1)) {
                        case "refused" -> refusals;
                        case "ProtocolException" -> rejections;
                        default -> closes;
                    }).add(m.group(2));
                }
                Matcher malformed = MALFORMED.matcher(source);
                while (malformed.find()) {
                    rejections.add(malformed.group(1));
                }
            }
        }
        assertThat(refusals).as("join refusals found in the sources").hasSizeGreaterThanOrEqualTo(4);
        assertThat(rejections).as("frame rejections found in the sources").hasSizeGreaterThanOrEqualTo(10);
        assertThat(closes).as("closes found in the sources").contains("too_slow", "going_away");
        String fix = "; add it to MetricReasons and to docs/OPERATIONS.md, or it is counted as \"other\"";
        assertThat(MetricReasons.JOIN_REFUSALS).as("join refusal reasons" + fix).containsAll(refusals);
        assertThat(MetricReasons.FRAME_REJECTIONS).as("frame rejection reasons" + fix).containsAll(rejections);
        assertThat(MetricReasons.CONNECTION_CLOSES).as("connection close reasons" + fix)
                .containsAll(rejections).containsAll(closes);
    }

    @Test
    void anUnknownReasonIsCountedAsOtherAndKnownOnesExistBeforeTheirFirstEvent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GameMetrics metrics = new MicrometerGameMetrics(registry);
        assertThat(registry.get("arena.frames.rejected").tag("reason", "rate_limited").counter().count()).isZero();

        metrics.frameRejected("rate_limited");
        metrics.frameRejected("java.lang.IllegalStateException: something a careless caller passed");
        metrics.connectionOpened();
        metrics.connectionClosed(null);

        assertThat(registry.get("arena.frames.rejected").tag("reason", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.frames.rejected").tag("reason", MetricReasons.OTHER).counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.connections.closed").tag("reason", MetricReasons.OTHER).counter().count()).isEqualTo(1);
        assertThat(registry.find("arena.frames.rejected").counters()).hasSize(MetricReasons.FRAME_REJECTIONS.size() + 1);
        assertThat(registry.get("arena.connections.active").gauge().value()).isZero();
    }
}
