package dev.filament.realtime;

/**
 * One event queued for one connection with its sequence number. The payload string is shared by every connection
 * the event goes to; the envelope is spliced only when the writer sends it.
 */
record OutboundFrame(long sequence, String type, String scope, String payloadJson, int bytes) {
    // {"v":1,"t":"","d":,"s":} plus up to 19 digits of s
    private static final int ENVELOPE_BYTES = 24 + 19;

    /** The wire text {@code {"v":1,"t":...,"d":<payload>,"s":<n>}}; the type is {@code [a-z0-9_.]}, so never escaped. */
    String text() {
        return new StringBuilder(payloadJson.length() + type.length() + 48)
                .append("{\"v\":1,\"t\":\"").append(type).append("\",\"d\":").append(payloadJson)
                .append(",\"s\":").append(sequence).append('}')
                .toString();
    }

    /** The exact UTF-8 size of a frame with sequence {@code sequence}, from the upper bound of {@link #serializedSize}. */
    static long exactSize(int upperBound, long sequence) {
        return (long) upperBound - 19 + Long.toString(sequence).length();
    }

    /** Upper bound of the serialized UTF-8 size of an event's frame, computed once per event, not per connection. */
    static int serializedSize(String type, String payloadJson) {
        long bytes = ENVELOPE_BYTES + type.length();
        for (int i = 0; i < payloadJson.length(); i++) {
            char ch = payloadJson.charAt(i);
            bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }
}
