package dev.taskline.bootstrap.robustness;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The warnings and errors the server (running in this JVM) logs while a test runs, so that a
 * failure can quote the server's own line next to the request that caused it.
 */
final class ServerLog implements AutoCloseable {
    private final Logger root;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private ServerLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        appender.setContext(context);
        appender.setName("robustness-capture");
        appender.start();
        root.addAppender(appender);
    }

    static ServerLog capture() {
        return new ServerLog();
    }

    /** How many lines were captured so far; pass it to {@link #since}. */
    int mark() {
        synchronized (appender) {
            return appender.list.size();
        }
    }

    /** The warnings and errors logged since {@code mark}, one line each (message, then the exception's class and message). */
    List<String> since(int mark) {
        List<String> lines = new ArrayList<>();
        synchronized (appender) {
            for (ILoggingEvent event : appender.list.subList(Math.min(mark, appender.list.size()), appender.list.size())) {
                if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    continue;
                }
                StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ').append(event.getLoggerName())
                        .append(" - ").append(event.getFormattedMessage());
                for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    line.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
                    if (cause.getStackTraceElementProxyArray().length > 0) {
                        line.append(" at ").append(cause.getStackTraceElementProxyArray()[0].getSTEAsString());
                    }
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
