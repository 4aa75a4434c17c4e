package dev.filament.http.message;

import dev.filament.application.guild.service.GuildSettings;
import dev.filament.domain.guild.Channel;
import dev.filament.application.message.service.MessageFixture;
import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.application.identity.fakes.InMemorySessionRepository;
import dev.filament.application.identity.fakes.InMemoryUserRepository;
import dev.filament.application.identity.fakes.RecordingAuthEvents;
import dev.filament.application.identity.service.AuthenticateRequestService;
import dev.filament.domain.guild.role.SystemRoleKey;
import dev.filament.domain.id.GuildId;
import dev.filament.http.blob.BlobDownloads;
import dev.filament.http.search.SearchRoutes;
import dev.filament.http.testing.HttpFixture;
import dev.filament.http.testing.HttpFixture.Caller;

/**
 * The message and search use cases wired over the application's in-memory fakes ({@link MessageFixture}), served
 * through the shared {@link HttpFixture} ({@code 127.0.0.1} as a trusted proxy so a test picks its client IP with
 * {@code X-Forwarded-For}). Tests talk HTTP through {@link #http}.
 */
public final class MessageHttpFixture implements AutoCloseable {
    public final MessageFixture app = new MessageFixture(GuildSettings.defaults(), null);
    public final HttpFixture http;

    public MessageHttpFixture() {
        HttpFixture.Builder builder = HttpFixture.builder().perMinute(100_000).tokenBaselineKey()
                .trust("127.0.0.1/32");
        http = builder.routes(new MessageRoutes(app.useCases.create(), app.useCases.list(), app.useCases.edit(),
                        app.useCases.delete(), builder.auth(), builder.bodies()))
                .routes(new ReactionRoutes(app.react, builder.auth()))
                .routes(new AttachmentRoutes(app.media.upload(), app.media.read(), app.media.delete(),
                        new BlobDownloads(app.blobs), builder.auth()))
                .routes(new SearchRoutes(app.search.search(), app.search.rebuild(), app.search.reconcile(),
                        builder.auth()))
                .start();
    }

    /** A registered user (identity and guild tables) with a live session. */
    public Caller user() {
        Caller c = http.user(app.guilds.ids.newUserId());
        app.guilds.db.addUser(c.id());
        return c;
    }

    public GuildId guild(Caller owner) {
        return app.newGuild(owner.id()).id();
    }

    public Channel channel(GuildId guild) {
        return app.newChannel(guild);
    }

    /** A new user made a member of {@code guild}, holding these seeded roles explicitly. */
    public Caller member(GuildId guild, SystemRoleKey... roles) {
        Caller c = user();
        app.guilds.store.tx(() -> app.guilds.store.members().insertIfAbsent(guild, c.id(),
                app.guilds.clock.instant()));
        for (SystemRoleKey key : roles) {
            app.guilds.assign(guild, app.guilds.seeded(guild, key), c.id());
        }
        return c;
    }

    public static String messagesPath(GuildId guild, Channel channel) {
        return "/guilds/" + guild + "/channels/" + channel.id() + "/messages";
    }

    @Override
    public void close() {
        http.close();
    }
}
