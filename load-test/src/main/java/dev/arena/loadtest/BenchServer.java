package dev.arena.loadtest;

import java.util.Map;

/** What the bench runner measures of the server under test: one process ({@link ServerProcess}) or a cluster. */
interface BenchServer extends AutoCloseable {
    /** The players' port the bots connect to (the first node's, for a cluster). */
    int httpPort();

    /** The process id of the (first) server JVM. */
    long pid();

    /** {user, system} CPU time so far, nanoseconds, over every server JVM; null when unreadable. */
    long[] userSystemNanos();

    /** {read syscalls, write syscalls, context switches} so far, over every server JVM; null when unreadable. */
    long[] syscallsAndSwitches();

    /** Peak resident memory, bytes, summed over every server JVM. */
    long peakRssBytes();

    /** The servers' counters of trouble, summed over the JVMs ({@link ServerProcess#troubleCounters}). */
    Map<String, Double> troubleCounters();

    @Override
    void close();
}
