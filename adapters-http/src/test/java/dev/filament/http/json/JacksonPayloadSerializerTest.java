package dev.filament.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.EventSerializerContract;
import dev.filament.application.wire.GuildEvent;
import dev.filament.application.wire.ServerEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The port contract over the project's Jackson mapper. */
class JacksonPayloadSerializerTest extends EventSerializerContract {
    private final JacksonPayloadSerializer serializer = new JacksonPayloadSerializer(new Json());

    @Override
    protected EventSerializer serializer() {
        return serializer;
    }

    @Test
    void keepsNonAsciiTextAndEscapesOnlyWhatJsonRequires() {
        String json = serializer.toJson(new GuildEvent.WorkspaceUpdate("g",
                new GuildEvent.GuildFields(Optional.of("café ☕ </script>"), Optional.empty()), 1L, Optional.empty()));
        assertThat(json).isEqualTo("{\"guild_id\":\"g\",\"updated_fields\":{\"name\":\"café ☕ </script>\"},"
                + "\"updated_at_unix\":1}");
    }

    @Test
    void refusesANullEvent() {
        assertThatThrownBy(() -> serializer.toJson((ServerEvent) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
