package dev.filament.redis.voice;

import dev.filament.domain.id.UserId;
import dev.filament.domain.voice.VoiceParticipant;
import dev.filament.domain.voice.VoiceRoom;
import dev.filament.redis.RedisAccess;
import dev.filament.redis.RedisBound;
import dev.filament.redis.voice.ParticipantJson.Seated;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SPEC 17.6's voice keys: {@code filament:voice:c:{G}:{C}} (hash user -> participant JSON), {@code
 * filament:voice:u:{U}} (the user's channel), {@code filament:voice:channels} (channels with participants), plus
 * {@code filament:voice:version} (bumped by every change) and {@code filament:voice:since} (17.9). A snapshot is read
 * by one script; a change is written by one script that applies it only if the version is still the snapshot's, so
 * each change (with its cap checks, made on the snapshot) is atomic across nodes.
 */
final class VoiceStore {
    static final String CHANNELS = "filament:voice:channels";
    static final String VERSION = "filament:voice:version";
    static final String SINCE = "filament:voice:since";
    private static final String LOAD = """
            local out = {redis.call('GET', KEYS[1]) or '0'}
            for _, ch in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              for _, v in ipairs(redis.call('HVALS', 'filament:voice:c:' .. ch)) do out[#out + 1] = v end
            end
            return out
            """;
    // ARGV[1] = expected version, then (op, key, a, b) quadruples; returns 1 when applied, 0 on a version conflict
    private static final String COMMIT = """
            if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
            for i = 2, #ARGV, 4 do
              local op, k, a, b = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
              if op == 'hset' then redis.call('HSET', k, a, b)
              elseif op == 'hdel' then redis.call('HDEL', k, a)
              elseif op == 'sadd' then redis.call('SADD', k, a)
              elseif op == 'srem' then redis.call('SREM', k, a)
              elseif op == 'set' then redis.call('SET', k, a)
              else redis.call('DEL', k) end
            end
            redis.call('INCR', KEYS[1])
            if redis.call('EXISTS', KEYS[2]) == 0 then redis.call('SET', KEYS[2], redis.call('TIME')[1]) end
            return 1
            """;

    private final RedisAccess access;

    VoiceStore(RedisAccess access) {
        this.access = access;
    }

    static String member(VoiceRoom room) {
        return "{" + room.guild().value() + "}:{" + room.channel().value() + "}";
    }

    static String channelKey(VoiceRoom room) {
        return "filament:voice:c:" + member(room);
    }

    static String userKey(UserId user) {
        return "filament:voice:u:{" + user.value() + "}";
    }

    /** The registry at one version: participants in join order. */
    record Snapshot(String version, List<Seated> seated) {
        List<VoiceParticipant> participants() {
            return seated.stream().map(Seated::participant).toList();
        }
    }

    Optional<Snapshot> load(RedisBound bound) {
        Optional<List<Object>> raw = access.call(bound, "voice", c -> c.<List<Object>>eval(LOAD,
                ScriptOutputType.MULTI, VERSION, CHANNELS));
        return raw.map(values -> {
            List<Seated> seated = new ArrayList<>();
            for (Object v : values.subList(1, values.size())) {
                ParticipantJson.read(String.valueOf(v)).ifPresent(seated::add);
            }
            seated.sort(Comparator.comparingLong(Seated::seq));
            return new Snapshot(String.valueOf(values.getFirst()), seated);
        });
    }

    /** One room's participants in join order (one {@code HVALS}), without the rest of the registry. */
    Optional<List<VoiceParticipant>> room(RedisBound bound, VoiceRoom room) {
        return access.call(bound, "voice", c -> c.hvals(channelKey(room))).map(values -> values.stream()
                .map(ParticipantJson::read).flatMap(Optional::stream).sorted(Comparator.comparingLong(Seated::seq))
                .map(Seated::participant).toList());
    }

    /**
     * Writes the difference between {@code before} and {@code after} if the version is still {@code before}'s:
     * true when applied (or nothing to write), false on a conflict, empty without Redis.
     */
    Optional<Boolean> commit(RedisBound bound, Snapshot before, List<VoiceParticipant> after) {
        List<String> args = diff(before, after);
        if (args.size() == 1) {
            return Optional.of(true);
        }
        return access.call(bound, "voice", c -> c.<Long>eval(COMMIT, ScriptOutputType.INTEGER,
                new String[] {VERSION, SINCE}, args.toArray(String[]::new))).map(r -> r == 1L);
    }

    private static List<String> diff(Snapshot before, List<VoiceParticipant> after) {
        List<String> args = new ArrayList<>(List.of(before.version()));
        long nextSeq = Long.parseLong(before.version()) + 1;
        Map<UserId, Seated> old = new HashMap<>();
        before.seated().forEach(s -> old.put(s.participant().user(), s));
        Set<VoiceRoom> oldRooms = new HashSet<>();
        before.seated().forEach(s -> oldRooms.add(s.participant().identity().room()));
        Set<VoiceRoom> newRooms = new HashSet<>();
        Set<UserId> present = new HashSet<>();
        for (VoiceParticipant p : after) {
            VoiceRoom room = p.identity().room();
            newRooms.add(room);
            present.add(p.user());
            Seated was = old.get(p.user());
            VoiceRoom wasRoom = was == null ? null : was.participant().identity().room();
            if (wasRoom != null && !wasRoom.equals(room)) {
                add(args, "hdel", channelKey(wasRoom), p.user().value(), "");
            }
            if (was == null || !was.participant().equals(p)) {
                boolean rejoined = was == null || !room.equals(wasRoom)
                        || !was.participant().joinedAt().equals(p.joinedAt());
                add(args, "hset", channelKey(room), p.user().value(),
                        ParticipantJson.write(p, rejoined ? nextSeq : was.seq()));
            }
            if (!room.equals(wasRoom)) {
                add(args, "set", userKey(p.user()), member(room), "");
            }
        }
        for (Seated s : before.seated()) {
            UserId user = s.participant().user();
            if (!present.contains(user)) {
                add(args, "hdel", channelKey(s.participant().identity().room()), user.value(), "");
                add(args, "del", userKey(user), "", "");
            }
        }
        for (VoiceRoom room : newRooms) {
            if (!oldRooms.contains(room)) {
                add(args, "sadd", CHANNELS, member(room), "");
            }
        }
        for (VoiceRoom room : oldRooms) {
            if (!newRooms.contains(room)) {
                add(args, "srem", CHANNELS, member(room), "");
                add(args, "del", channelKey(room), "", "");
            }
        }
        return args;
    }

    private static void add(List<String> args, String op, String key, String a, String b) {
        args.addAll(List.of(op, key, a, b));
    }
}
