package dev.arena.server.client;

import com.microsoft.playwright.Page;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a person would see in the browser's console: errors and warnings
 * logged, uncaught exceptions, responses of 400 and above (a missing favicon,
 * a script refused by a Content-Security-Policy) and requests that failed.
 * Attach before the page navigates, so the first requests are seen too.
 */
final class PageProblems {
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private PageProblems() {
    }

    static PageProblems watch(Page page) {
        PageProblems p = new PageProblems();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                p.problems.add("console " + m.type() + ": " + m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> p.problems.add("uncaught: " + e));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                p.problems.add("HTTP " + r.status() + " " + r.url());
            }
        });
        page.onRequestFailed(r -> p.problems.add("request failed: " + r.url() + " " + r.failure()));
        return p;
    }

    /** Everything seen so far. */
    List<String> seen() {
        return List.copyOf(problems);
    }
}
