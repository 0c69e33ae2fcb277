package dev.arena.server.metrics;

import dev.arena.server.protocol.CloseCodes;
import dev.arena.server.protocol.CloseReason;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reason labels stay small closed sets derived from {@link CloseReason},
 * released labels never disappear, and the operator's table of reasons says
 * what the enum says.
 */
class MetricReasonsTest {
    private static final Path OPERATIONS = Path.of("..", "docs", "OPERATIONS.md");
    /** A row of the reasons table: {@code | `label` | code | kind | when |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]+) \\| (refusal|rejection|close) \\|",
            Pattern.MULTILINE);

    @Test
    void releasedLabelsAreStillThere() {
        // Dashboards and alerts select on these: a rename or removal breaks them silently.
        assertThat(MetricReasons.labels(MetricReasons.JOIN_REFUSALS)).as("join refusal reasons")
                .contains("room_full", "unknown_room", "server_full", "bad_request", "shutting_down");
        assertThat(MetricReasons.labels(MetricReasons.FRAME_REJECTIONS)).as("frame rejection reasons")
                .contains("text", "too_big", "bad_frame", "rate_limited", "bad_state", "bad_value", "bad_length",
                        "string_too_long", "truncated", "empty", "unknown_tag", "malformed", "trailing_bytes");
        assertThat(MetricReasons.labels(MetricReasons.CONNECTION_CLOSES)).as("connection close reasons")
                .containsAll(MetricReasons.labels(MetricReasons.FRAME_REJECTIONS))
                .contains("client_closed", "abnormal", "going_away", "too_slow", "room_closed", "join_timeout")
                .doesNotContainAnyElementsOf(MetricReasons.labels(MetricReasons.JOIN_REFUSALS));
    }

    @Test
    void labelsAreUniqueBoundedAndCodesAreOnesTheProtocolDefines() throws IllegalAccessException {
        Set<Integer> codes = new java.util.HashSet<>();
        for (Field f : CloseCodes.class.getFields()) {
            codes.add(f.getInt(null));
        }
        assertThat(Arrays.stream(CloseReason.values()).map(CloseReason::label).distinct().count())
                .as("one label per reason").isEqualTo(CloseReason.values().length);
        for (CloseReason reason : CloseReason.values()) {
            assertThat(reason.label()).as(reason.name()).matches("[a-z][a-z_]{1,30}").isNotEqualTo(MetricReasons.OTHER);
            if (reason.code() != CloseReason.PEER_CODE) {
                assertThat(codes).as("%s's code is in CloseCodes (and so in PROTOCOL.md and the JS client)", reason)
                        .contains(reason.code());
            }
            if (reason.kind() == CloseReason.Kind.JOIN_REFUSAL) {
                assertThat(reason.sendsError()).as("%s is answered with an ERROR code", reason).isTrue();
            }
        }
    }

    @Test
    void theOperationsGuideListsEveryReasonWithItsCodeAndKind() throws IOException {
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(Files.readString(OPERATIONS));
        List<String> duplicates = new ArrayList<>();
        while (row.find()) {
            String expected = row.group(3) + " " + row.group(2).trim();
            if (documented.put(row.group(1), expected) != null) {
                duplicates.add(row.group(1));
            }
        }
        Map<String, String> declared = new TreeMap<>();
        for (CloseReason reason : CloseReason.values()) {
            String kind = switch (reason.kind()) {
                case JOIN_REFUSAL -> "refusal";
                case FRAME_REJECTION -> "rejection";
                case CONNECTION_CLOSE -> "close";
            };
            String code = reason == CloseReason.CLIENT_CLOSED ? "the client's"
                    : reason.code() == CloseReason.PEER_CODE ? "none" : String.valueOf(reason.code());
            declared.put(reason.label(), kind + " " + code);
        }
        assertThat(duplicates).as("reasons listed twice in " + OPERATIONS).isEmpty();
        assertThat(documented).as("the reasons table of %s (| `label` | code | kind | when |) against CloseReason;"
                + " a new reason is a constant there and a row here", OPERATIONS).isEqualTo(declared);
    }

    @Test
    void aReasonOutsideItsSetIsCountedAsOtherAndKnownOnesExistBeforeTheirFirstEvent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GameMetrics metrics = new MicrometerGameMetrics(registry);
        assertThat(registry.get("arena.frames.rejected").tag("reason", "rate_limited").counter().count()).isZero();

        metrics.frameRejected(CloseReason.RATE_LIMITED);
        metrics.frameRejected(CloseReason.ROOM_FULL);
        metrics.connectionOpened();
        metrics.connectionClosed(null);
        metrics.connectionEnded();

        assertThat(registry.get("arena.frames.rejected").tag("reason", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.frames.rejected").tag("reason", MetricReasons.OTHER).counter().count()).isEqualTo(1);
        assertThat(registry.get("arena.connections.closed").tag("reason", MetricReasons.OTHER).counter().count()).isEqualTo(1);
        assertThat(registry.find("arena.frames.rejected").counters()).hasSize(MetricReasons.FRAME_REJECTIONS.size() + 1);
        assertThat(registry.find("arena.joins.refused").counters()).hasSize(MetricReasons.JOIN_REFUSALS.size() + 1);
        assertThat(registry.find("arena.connections.closed").counters()).hasSize(MetricReasons.CONNECTION_CLOSES.size() + 1);
        assertThat(registry.get("arena.connections.active").gauge().value()).isZero();
    }
}
