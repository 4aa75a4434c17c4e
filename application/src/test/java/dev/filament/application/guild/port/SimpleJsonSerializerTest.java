package dev.filament.application.guild.port;

import dev.filament.application.wire.EventSerializer;
import dev.filament.application.wire.EventSerializerContract;

/** Runs the {@link EventSerializer} contract against the test-jar's small JSON writer. */
class SimpleJsonSerializerTest extends EventSerializerContract {

    @Override
    protected EventSerializer serializer() {
        return new SimpleJsonSerializer();
    }
}
