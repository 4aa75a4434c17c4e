package dev.filament.application.guild.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.GuildEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link PayloadSerializer} keeps: compact JSON, keys in insertion order, {@code null} kept, nested
 * maps and lists, strings escaped, other value types refused; typed events with snake_case keys in component order,
 * an empty {@code Optional} omitted and a {@code null} written.
 */
public abstract class PayloadSerializerContract {

    protected abstract PayloadSerializer serializer();

    @Test
    void writesCompactJsonInInsertionOrderWithNullsAndNesting() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", null);
        inner.put("a", List.of("x", 1, true));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("guild_id", "01ARZ3NDEKTSV4RRFFQ69G5FAV");
        payload.put("updated_fields", inner);
        payload.put("updated_at_unix", 1893456000L);
        payload.put("empty", new ArrayList<>(Arrays.asList((Object) null)));
        assertThat(serializer().toJson(payload)).isEqualTo("{\"guild_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\","
                + "\"updated_fields\":{\"z\":null,\"a\":[\"x\",1,true]},\"updated_at_unix\":1893456000,"
                + "\"empty\":[null]}");
    }

    @Test
    void writesATypedEventSnakeCaseOmittingEmptyOptionalsAndKeepingNulls() {
        GuildEvent.RoleUpdate event = new GuildEvent.RoleUpdate("01ARZ3NDEKTSV4RRFFQ69G5FAV",
                "01ARZ3NDEKTSV4RRFFQ69G5FAW", new GuildEvent.RoleFields(Optional.of("Mods"), Optional.empty(),
                Optional.of(Optional.empty())), 1893456000L, Optional.empty());
        assertThat(serializer().toJson(event)).isEqualTo("{\"guild_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\","
                + "\"role_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAW\",\"updated_fields\":{\"name\":\"Mods\","
                + "\"color_hex\":null},\"updated_at_unix\":1893456000}");
    }

    @Test
    void writesOnlyTheVoiceFlagsThatChanged() {
        ChannelEvent.VoiceFlags flags = new ChannelEvent.VoiceFlags(Optional.empty(), Optional.of(true),
                Optional.empty(), Optional.empty(), Optional.of(false));
        ChannelEvent.VoiceParticipantUpdate event = new ChannelEvent.VoiceParticipantUpdate("g", "c", "u", "i",
                flags, 7L);
        assertThat(serializer().toJson(event)).isEqualTo("{\"guild_id\":\"g\",\"channel_id\":\"c\","
                + "\"user_id\":\"u\",\"identity\":\"i\",\"updated_fields\":{\"is_deafened\":true,"
                + "\"is_screen_share_enabled\":false},\"updated_at_unix\":7}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        String json = serializer().toJson(Map.of("name", "a\"b\\c\nd\u0001"));
        assertThat(json).isIn("{\"name\":\"a\\\"b\\\\c\\nd\\u0001\"}", "{\"name\":\"a\\\"b\\\\c\\u000ad\\u0001\"}");
    }

    @Test
    void refusesOtherValueTypes() {
        assertThatThrownBy(() -> serializer().toJson(Map.of("when", new Object())))
                .isInstanceOf(RuntimeException.class);
    }
}
