package dev.filament.http.voice;

import dev.filament.application.identity.port.in.AuthenticatedUser;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssueVoiceTokenCommand;
import dev.filament.application.voice.port.in.IssueVoiceTokenUseCase.IssuedVoiceToken;
import dev.filament.application.voice.port.in.LeaveVoiceUseCase;
import dev.filament.application.voice.port.in.LeaveVoiceUseCase.LeaveVoiceCommand;
import dev.filament.application.voice.port.in.UpdateVoiceStateUseCase;
import dev.filament.application.voice.port.in.UpdateVoiceStateUseCase.UpdateVoiceStateCommand;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.voice.StreamSource;
import dev.filament.domain.voice.VoiceGrantRequest;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.json.SchemaViolation;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SPEC 11.1-11.4: voice token, leave and state under {@code /guilds/{g}/channels/{c}/voice/}. Each handler runs the
 * route steps of SPEC 1.10 (authentication, path ids, strict query, body) and leaves the ladder, limiters and rules
 * to the use cases. Built by bootstrap with the voice use cases, the bearer authenticator and the body reader.
 */
public final class VoiceRoutes implements RouteModule {
    private final IssueVoiceTokenUseCase issueToken;
    private final LeaveVoiceUseCase leave;
    private final UpdateVoiceStateUseCase updateState;
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;

    public VoiceRoutes(IssueVoiceTokenUseCase issueToken, LeaveVoiceUseCase leave,
                       UpdateVoiceStateUseCase updateState, BearerAuthenticator auth, JsonBodies bodies) {
        this.issueToken = Objects.requireNonNull(issueToken, "issueToken");
        this.leave = Objects.requireNonNull(leave, "leave");
        this.updateState = Objects.requireNonNull(updateState, "updateState");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    @Override
    public void register(Router router) {
        router.post("/guilds/{g}/channels/{c}/voice/token", this::token);
        router.post("/guilds/{g}/channels/{c}/voice/leave", this::leave);
        router.post("/guilds/{g}/channels/{c}/voice/state", this::state);
    }

    /** Body {@code {can_publish?, can_subscribe?, publish_sources?}}; 200 with the token and what it grants. */
    private void token(Context ctx) {
        AuthenticatedUser caller = auth.authenticate(ctx);
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<Boolean> canPublish = body.optionalBoolean("can_publish");
        Optional<Boolean> canSubscribe = body.optionalBoolean("can_subscribe");
        Optional<List<StreamSource>> sources = body.optionalStringList("publish_sources")
                .map(VoiceRoutes::sources);
        body.finish();
        VoiceGrantRequest request = VoiceGrantRequest.of(canPublish.orElse(null), canSubscribe.orElse(null),
                sources.orElse(null));
        ctx.json(TokenBody.of(issueToken.issue(new IssueVoiceTokenCommand(caller.userId(), caller.username(),
                RequestAttributes.clientIp(ctx), guild, channel, request))));
    }

    /** No body (any body is ignored); 204 whether or not the caller was registered. */
    private void leave(Context ctx) {
        AuthenticatedUser caller = auth.authenticate(ctx);
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams.of(ctx);
        leave.leave(new LeaveVoiceCommand(caller.userId(), RequestAttributes.clientIp(ctx), guild,
                channel));
        ctx.status(204);
    }

    /** Body {@code {is_muted?, is_deafened?}}; {@code null} is absent; "none given" is the use case's 400. */
    private void state(Context ctx) {
        AuthenticatedUser caller = auth.authenticate(ctx);
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        Optional<Boolean> muted = body.optionalBoolean("is_muted");
        Optional<Boolean> deafened = body.optionalBoolean("is_deafened");
        body.finish();
        updateState.update(new UpdateVoiceStateCommand(caller.userId(), RequestAttributes.clientIp(ctx),
                guild, channel, muted, deafened));
        ctx.status(204);
    }

    /** Wire names to sources; an unknown name is a schema mismatch (422); duplicates collapse later. */
    private static List<StreamSource> sources(List<String> wireNames) {
        return wireNames.stream().map(name -> StreamSource.fromWire(name)
                .orElseThrow(() -> new SchemaViolation("publish_sources: unknown value"))).toList();
    }

    /** The 200 body of SPEC 11.2, keys in documented order. */
    record TokenBody(String token, String livekitUrl, String room, String identity, boolean canPublish,
                     boolean canSubscribe, List<String> publishSources, long expiresInSecs) {
        static TokenBody of(IssuedVoiceToken issued) {
            return new TokenBody(issued.token().token(), issued.token().liveKitUrl(), issued.identity().room().name(),
                    issued.identity().value(), issued.grant().canPublish(), issued.grant().canSubscribe(),
                    issued.grant().sourceWireNames(), issued.token().expiresInSecs());
        }
    }
}
