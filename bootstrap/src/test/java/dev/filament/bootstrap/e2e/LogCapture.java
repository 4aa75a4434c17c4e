package dev.filament.bootstrap.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Captures log events of the whole server for assertions on structured fields. */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    public LogCapture() {
        appender.start();
        root.addAppender(appender);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) { // AppenderBase.doAppend appends under the appender's own monitor
            return List.copyOf(appender.list);
        }
    }

    public static Optional<Object> field(ILoggingEvent e, String key) {
        List<KeyValuePair> kvs = e.getKeyValuePairs();
        if (kvs == null) {
            return Optional.empty();
        }
        return kvs.stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).findFirst();
    }

    public List<ILoggingEvent> withEvent(String event) {
        return events().stream().filter(e -> field(e, "event").filter(event::equals).isPresent()).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
