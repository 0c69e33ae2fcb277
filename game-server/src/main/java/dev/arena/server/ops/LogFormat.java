package dev.arena.server.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import dev.arena.server.config.LogConfig;
import org.slf4j.LoggerFactory;

/**
 * The format of the server's log lines ({@code log.format}): text for
 * people, or JSON, one JSON object per line for a log
 * collector, written by Logback's own {@link JsonEncoder}. A JSON line has
 * {@code timestamp} (epoch milliseconds), {@code level}, {@code loggerName},
 * {@code threadName}, {@code formattedMessage}, {@code mdc} (with
 * {@code roomId} and {@code playerId} where the line concerns a room or a
 * player) and, for a failure, {@code throwable}.
 *
 * <p>Logback starts with the text console appender of {@code logback.xml};
 * once the configuration is read, {@link #apply} swaps that appender's
 * encoder when JSON is asked for. Lines logged before that (none, normally)
 * are text.
 */
public final class LogFormat {
    /** The console appender's name in {@code logback.xml}. */
    static final String APPENDER = "STDOUT";

    private LogFormat() {
    }

    /**
     * Makes the console appender write the configured format.
     *
     * @return false when logging is not configured by our {@code logback.xml}
     *         (an application that embeds the server and brings its own), which is then left alone
     */
    public static boolean apply(LogConfig config) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        Appender<ILoggingEvent> appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER);
        if (!(appender instanceof OutputStreamAppender<ILoggingEvent> console)) {
            return false;
        }
        if (config.json()) {
            // One reference swap: a line logged at this moment is written whole by one encoder or the other.
            console.setEncoder(jsonEncoder(context));
        }
        return true;
    }

    /** The encoder of JSON lines: the fields listed above, the message with its arguments filled in. */
    public static Encoder<ILoggingEvent> jsonEncoder(Context context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        return encoder;
    }
}
