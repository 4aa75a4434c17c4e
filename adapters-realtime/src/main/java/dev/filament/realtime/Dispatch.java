package dev.filament.realtime;

import dev.filament.application.shared.GatewayEvent;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.gateway.UnsubscribeReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.ConnectionId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.SessionId;
import dev.filament.domain.id.UserId;

/** One item of the dispatch queue: an event, or a command ordered behind the events handed off before it. */
sealed interface Dispatch {

    /** Scope label for metrics and logs. */
    String scopeLabel();

    /** Event type label for metrics and logs. */
    String typeLabel();

    record Publish(GatewayEvent event) implements Dispatch {
        @Override
        public String scopeLabel() {
            return event.scope().label();
        }

        @Override
        public String typeLabel() {
            return event.type();
        }
    }

    /** SPEC 9.10: remove the user's subscriptions in the guild and send {@code unsubscribed} for each. */
    record DropSubscriptions(UserId user, GuildId guild, UnsubscribeReason reason) implements Dispatch {
        @Override
        public String scopeLabel() {
            return "user";
        }

        @Override
        public String typeLabel() {
            return "unsubscribed";
        }
    }

    /** SPEC 9.10 revalidation: remove one subscription of one connection and send it {@code unsubscribed}. */
    record DropSubscription(ConnectionId connection, GuildId guild, ChannelId channel, UnsubscribeReason reason)
            implements Dispatch {
        @Override
        public String scopeLabel() {
            return "connection";
        }

        @Override
        public String typeLabel() {
            return "unsubscribed";
        }
    }

    /** Close every connection of a session (logout, revocation). */
    record CloseSession(SessionId session, CloseReason reason) implements Dispatch {
        @Override
        public String scopeLabel() {
            return "session";
        }

        @Override
        public String typeLabel() {
            return "close_session";
        }
    }

    /** SPEC 9.11: a new connection asks to take over the session of {@code resumeKey} after {@code resumeSeq}. */
    record Resume(ConnectionSession connection, String resumeKey, long resumeSeq) implements Dispatch {
        @Override
        public String scopeLabel() {
            return "connection";
        }

        @Override
        public String typeLabel() {
            return "resume";
        }

        @Override
        public String toString() {
            return "Resume[" + connection.id() + "]"; // the key is a bearer secret
        }
    }

    /** An item another node published (SPEC 17.3): handled like {@code item} but never relayed again. */
    record Remote(Dispatch item) implements Dispatch {
        @Override
        public String scopeLabel() {
            return item.scopeLabel();
        }

        @Override
        public String typeLabel() {
            return item.typeLabel();
        }
    }

    /** A command run on the dispatcher, ordered behind everything handed off before it (a relay gap's closes). */
    record Run(String label, Runnable action) implements Dispatch {
        @Override
        public String scopeLabel() {
            return "process";
        }

        @Override
        public String typeLabel() {
            return label;
        }
    }
}
