package dev.arena.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's files: {@code result.json}, {@code summary.txt} and {@code report.html}. */
public final class Reports {
    public static final String JSON = "result.json";
    public static final String SUMMARY = "summary.txt";
    public static final String HTML = "report.html";

    private Reports() {
    }

    public static void write(RunResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(JSON), result.toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SUMMARY), result.summary(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(HTML), HtmlReport.render(result), StandardCharsets.UTF_8);
    }
}
