package dev.filament.application.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link EventSerializer} keeps: compact JSON, snake_case keys in component order, nested records and
 * lists, an empty {@code Optional} omitted and a {@code null} written, strings escaped.
 */
public abstract class EventSerializerContract {

    protected abstract EventSerializer serializer();

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
    void writesNestedRecordsAndListsInComponentOrder() {
        GuildEvent.RoleCreate event = new GuildEvent.RoleCreate("g", new RoleShape("r", "Mods", 3, false,
                List.of("manage_roles", "create_message"), null), Optional.of("a"));
        assertThat(serializer().toJson(event)).isEqualTo("{\"guild_id\":\"g\",\"role\":{\"role_id\":\"r\","
                + "\"name\":\"Mods\",\"position\":3,\"is_system\":false,\"permissions\":[\"manage_roles\","
                + "\"create_message\"],\"color_hex\":null},\"actor_user_id\":\"a\"}");
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
        String json = serializer().toJson(new GuildEvent.WorkspaceUpdate("g",
                new GuildEvent.GuildFields(Optional.of("a\"b\\c\nd\u0001"), Optional.empty()), 1L, Optional.empty()));
        assertThat(json).isIn("{\"guild_id\":\"g\",\"updated_fields\":{\"name\":\"a\\\"b\\\\c\\nd\\u0001\"},"
                        + "\"updated_at_unix\":1}",
                "{\"guild_id\":\"g\",\"updated_fields\":{\"name\":\"a\\\"b\\\\c\\u000ad\\u0001\"},"
                        + "\"updated_at_unix\":1}");
    }
}
