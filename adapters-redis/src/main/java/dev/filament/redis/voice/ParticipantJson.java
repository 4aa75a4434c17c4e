package dev.filament.redis.voice;

import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceIdentity;
import dev.filament.domain.voice.VoiceParticipant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The participant JSON stored in {@code filament:voice:c:{G}:{C}} (SPEC 11.3's fields plus {@code token_issued_at}
 * and the join sequence {@code seq} that keeps join order across nodes). A fixed, flat shape written and read here
 * only, so no JSON library is needed.
 */
final class ParticipantJson {
    private static final Pattern STRING = Pattern.compile("\"([a-z_]+)\":\"([^\"]*)\"");
    private static final Pattern SCALAR = Pattern.compile("\"([a-z_]+)\":(true|false|-?[0-9]+)");
    private static final Pattern STREAMS = Pattern.compile("\"published_streams\":\\[([^\\]]*)]");

    private ParticipantJson() {
    }

    /** A participant with its join sequence. */
    record Seated(VoiceParticipant participant, long seq) {
    }

    static String write(VoiceParticipant p, long seq) {
        String streams = p.streams().stream().map(s -> "\"" + s.wire() + "\"").collect(Collectors.joining(","));
        return "{\"identity\":\"" + p.identity().value() + "\",\"joined_at\":\"" + p.joinedAt()
                + "\",\"updated_at\":\"" + p.updatedAt() + "\",\"expires_at\":\"" + p.expiresAt()
                + "\",\"token_issued_at\":\"" + p.tokenIssuedAt() + "\",\"is_muted\":" + p.muted()
                + ",\"is_deafened\":" + p.deafened() + ",\"is_speaking\":" + p.speaking()
                + ",\"is_video_enabled\":" + p.videoEnabled() + ",\"is_screen_share_enabled\":"
                + p.screenShareEnabled() + ",\"published_streams\":[" + streams + "],\"seq\":" + seq + "}";
    }

    /** The participant, or empty when the value is not one this class wrote. */
    static Optional<Seated> read(String json) {
        java.util.Map<String, String> f = new java.util.HashMap<>();
        Matcher m = STRING.matcher(json);
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        m = SCALAR.matcher(json);
        while (m.find()) {
            f.put(m.group(1), m.group(2));
        }
        Matcher s = STREAMS.matcher(json);
        Optional<VoiceIdentity> identity = VoiceIdentity.parse(f.getOrDefault("identity", ""));
        if (identity.isEmpty() || !s.find() || !f.containsKey("seq")) {
            return Optional.empty();
        }
        List<StreamSource> streams = new ArrayList<>();
        for (String name : s.group(1).replace("\"", "").split(",")) {
            StreamSource.fromWire(name).ifPresent(streams::add);
        }
        try {
            VoiceParticipant p = new VoiceParticipant(identity.get(), Instant.parse(f.get("joined_at")),
                    Instant.parse(f.get("updated_at")), Instant.parse(f.get("expires_at")),
                    Instant.parse(f.get("token_issued_at")), Boolean.parseBoolean(f.get("is_muted")),
                    Boolean.parseBoolean(f.get("is_deafened")), Boolean.parseBoolean(f.get("is_speaking")), streams);
            return Optional.of(new Seated(p, Long.parseLong(f.get("seq"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
