package dev.filament.http.routes;

import dev.filament.domain.error.InvalidRequestException;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Strict query strings (SPEC 1.5): unknown or repeated parameters and unparsable values are 400. */
public final class QueryParams {
    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /**
     * Reads the query string, allowing only {@code allowed} names, each at most once. The raw string must be valid
     * percent-encoded UTF-8 without U+0000 (SPEC 1.4), else 400: a decoder would otherwise turn {@code %ff} into
     * U+FFFD and a query could pass with a value the client never sent.
     */
    public static QueryParams of(Context ctx, String... allowed) {
        requireWellFormed(ctx.queryString());
        Map<String, List<String>> all = ctx.queryParamMap();
        Set<String> names = Set.of(allowed);
        for (Map.Entry<String, List<String>> e : all.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new InvalidRequestException("unknown query parameter");
            }
            if (e.getValue().size() > 1) {
                throw new InvalidRequestException("repeated query parameter " + e.getKey());
            }
        }
        return new QueryParams(all);
    }

    /** 400 unless {@code raw} (undecoded) percent-decodes to valid UTF-8 holding no U+0000. */
    static void requireWellFormed(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new InvalidRequestException("malformed percent-encoding in the query string");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
            if (decoded.indexOf('\0') >= 0) {
                throw new InvalidRequestException("the query string must not contain U+0000");
            }
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("the query string is not valid UTF-8");
        }
    }

    public Optional<String> string(String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** An integer in [min, max]; {@code fallback} when absent; 400 when unparsable or out of range. */
    public int intInRange(String name, int fallback, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String s = raw.get();
        if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidRequestException(name + " must be an integer");
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw new InvalidRequestException(name + " out of range");
        }
        return (int) v;
    }
}
