package dev.filament.realtime;

/** Result of a subscribe: what happened, and whether the user just became online in the guild (SPEC 9.8). */
public record SubscribeResult(Outcome outcome, boolean becameOnline) {

    /** What a subscribe did. */
    public enum Outcome {
        SUBSCRIBED,
        /** Idempotent repeat: nothing changed. */
        ALREADY_SUBSCRIBED,
        /** The connection holds the maximum number of subscriptions: {@code error quota_exceeded}. */
        QUOTA_EXCEEDED,
        /** The connection is not (or no longer) registered. */
        NOT_CONNECTED
    }

    static SubscribeResult subscribed(boolean becameOnline) {
        return new SubscribeResult(Outcome.SUBSCRIBED, becameOnline);
    }

    static SubscribeResult of(Outcome outcome) {
        return new SubscribeResult(outcome, false);
    }

    /** Whether the connection now holds the subscription. */
    public boolean holdsSubscription() {
        return outcome == Outcome.SUBSCRIBED || outcome == Outcome.ALREADY_SUBSCRIBED;
    }
}
