package dev.arena.loadtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcStatTest {
    @Test
    void cpuTicksAreCountedAfterTheCommandNameEvenWithSpacesAndParentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 12345 0 0 0 250 75 0 0 20 0 30 0 1000 "
                + "3000000000 40000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcStat.parseCpuTicks(stat)).isEqualTo(325);
    }

    @Test
    void thisProcessHasCpuTimeAndAPeakRss() {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcStat.cpuNanos(pid)).isPositive();
        assertThat(ProcStat.peakRssBytes(pid)).isGreaterThan(1 << 20);
    }
}
