package dev.filament.realtime;

import java.util.List;

/**
 * What a detached session answered a resume (SPEC 9.11 rules 3-5): the outcome, and on success its log and the frames
 * to send again. The old connection keeps nothing: the log now belongs to the new one.
 */
record Handover(Outcome outcome, ReplayLog log, List<OutboundFrame> replay) {

    static Handover refused(Outcome outcome) {
        return new Handover(outcome, null, List.of());
    }

    /** The possible answers. */
    enum Outcome { RESUMED, UNKNOWN, OUT_OF_RANGE, GAP }
}
