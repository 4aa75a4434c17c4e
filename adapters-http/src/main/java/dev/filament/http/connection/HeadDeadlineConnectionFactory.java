package dev.filament.http.connection;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * HTTP/1.1 connections with a request-head deadline (SPEC 2.1): once the first byte of a request head arrived, the
 * whole head (request line and headers) must arrive within the deadline, else the connection is closed and counted
 * as {@code head_timeout}. The clock is the parser's own begin time, so a slow trickle does not restart it (Jetty's
 * idle timeout alone restarts on every byte).
 */
public final class HeadDeadlineConnectionFactory extends HttpConnectionFactory {
    private final Duration deadline;
    private final PreRoutingOutcomes outcomes;

    public HeadDeadlineConnectionFactory(HttpConfiguration config, Duration deadline, PreRoutingOutcomes outcomes) {
        super(config);
        this.deadline = deadline;
        this.outcomes = outcomes;
        config.addCustomizer(new HeadComplete());
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        DeadlineConnection connection = new DeadlineConnection(getHttpConfiguration(), connector, endPoint);
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    /** Runs when a request head is complete, before any handler: the head met its deadline. */
    private static final class HeadComplete implements HttpConfiguration.Customizer {
        @Override
        public Request customize(Request request, HttpFields.Mutable responseHeaders) {
            if (request.getConnectionMetaData().getConnection() instanceof DeadlineConnection c) {
                c.headComplete();
            }
            return request;
        }
    }

    private final class DeadlineConnection extends HttpConnection {
        private volatile boolean pending;
        private volatile long pendingBegin;
        private volatile Scheduler.Task timer;

        DeadlineConnection(HttpConfiguration config, Connector connector, EndPoint endPoint) {
            super(config, connector, endPoint);
        }

        @Override
        public void onFillable() {
            super.onFillable();
            // Back on the connection's own thread: the parser stopped because it needs more bytes or handed off.
            HttpParser parser = getParser();
            if (inHead(parser)) {
                arm(parser.getBeginNanoTime());
            } else {
                headComplete();
            }
        }

        private static boolean inHead(HttpParser parser) {
            return !parser.isStart() && parser.inHeaderState();
        }

        private void arm(long begin) {
            if (pending && pendingBegin == begin) {
                return;
            }
            pendingBegin = begin;
            pending = true;
            long left = deadline.toNanos() - NanoTime.since(begin);
            timer = getConnector().getScheduler().schedule(() -> expire(begin), Math.max(0, left),
                    TimeUnit.NANOSECONDS);
        }

        void headComplete() {
            pending = false;
            Scheduler.Task t = timer;
            if (t != null) {
                t.cancel();
            }
        }

        private void expire(long begin) {
            if (pending && pendingBegin == begin && inHead(getParser()) && getEndPoint().isOpen()) {
                outcomes.connectionRejected("head_timeout");
                getEndPoint().close();
            }
        }
    }
}
