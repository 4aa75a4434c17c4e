package dev.filament.application.guild.port;


/** Runs the {@link PayloadSerializer} contract against the test-jar's small JSON writer. */
class SimpleJsonSerializerTest extends PayloadSerializerContract {

    @Override
    protected PayloadSerializer serializer() {
        return new SimpleJsonSerializer();
    }
}
