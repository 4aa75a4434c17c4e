package dev.filament.application.gateway.port.out;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resume parameters of a gateway upgrade (SPEC 9.11): the resume key and the last {@code s} the client processed.
 * The key is a bearer secret: it is never logged and never part of {@link #toString()}.
 */
public record ResumeRequest(String resumeKey, long resumeSeq) {
    /** The largest {@code resume_seq} accepted: 2^53 - 1. */
    public static final long MAX_SEQ = 9_007_199_254_740_991L;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern SEQ = Pattern.compile("[0-9]{1,16}");

    public ResumeRequest {
        if (resumeKey == null || !KEY.matcher(resumeKey).matches()) {
            throw new IllegalArgumentException("resume_key must be 43 characters of [A-Za-z0-9_-]");
        }
        if (resumeSeq < 0 || resumeSeq > MAX_SEQ) {
            throw new IllegalArgumentException("resume_seq must be an integer 0..9007199254740991");
        }
    }

    /**
     * The request of the two query values: empty when both are absent; {@link IllegalArgumentException} when only one
     * is present or either is malformed (a 400 before the upgrade).
     */
    public static Optional<ResumeRequest> parse(String resumeKey, String resumeSeq) {
        if (resumeKey == null && resumeSeq == null) {
            return Optional.empty();
        }
        if (resumeKey == null || resumeSeq == null) {
            throw new IllegalArgumentException("resume_key and resume_seq go together");
        }
        if (!SEQ.matcher(resumeSeq).matches()) {
            throw new IllegalArgumentException("resume_seq must be an integer 0..9007199254740991");
        }
        return Optional.of(new ResumeRequest(resumeKey, Long.parseLong(resumeSeq)));
    }

    @Override
    public String toString() {
        return "ResumeRequest[resumeSeq=" + resumeSeq + "]";
    }
}
