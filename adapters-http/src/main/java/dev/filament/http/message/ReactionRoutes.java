package dev.filament.http.message;

import dev.filament.application.message.port.in.ReactToMessageUseCase;
import dev.filament.application.message.port.in.ReactToMessageUseCase.ReactCommand;
import dev.filament.application.wire.MessageResponse;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SPEC 8.6: add and remove the caller's reaction. No body. The emoji segment is taken raw from the request URI and
 * percent-decoded here as UTF-8 ({@code +} stays {@code +}; invalid UTF-8 or a broken escape → 400), so {@code %2F}
 * and {@code %5C} reach the emoji rules and get a JSON 400 like any other refused emoji.
 */
public final class ReactionRoutes implements RouteModule {
    static final String REACTION = MessageRoutes.MESSAGE + "/reactions/{emoji}";

    private final ReactToMessageUseCase react;
    private final BearerAuthenticator auth;

    public ReactionRoutes(ReactToMessageUseCase react, BearerAuthenticator auth) {
        this.react = Objects.requireNonNull(react, "react");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    @Override
    public void register(Router router) {
        router.post(REACTION, ctx -> react(ctx, true));
        router.delete(REACTION, ctx -> react(ctx, false));
    }

    private void react(Context ctx, boolean add) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        MessageId message = PathIds.message(ctx);
        QueryParams.of(ctx);
        String raw = rawLastSegment(ctx.req().getRequestURI());
        ctx.json(MessageResponse.Reaction.of(react.react(new ReactCommand(caller, RequestAttributes.clientIp(ctx),
                guild, channel, message, decoded(raw), add))));
    }

    /** The undecoded last path segment (the route template ends in {@code {emoji}}). */
    static String rawLastSegment(String requestUri) {
        return requestUri.substring(requestUri.lastIndexOf('/') + 1);
    }

    /** Percent-decoding as UTF-8 without the form rule ({@code +} is kept); a bad escape or bad UTF-8 → 400. */
    static String decoded(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            int ch = raw.codePointAt(i);
            if (ch == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    throw new InvalidRequestException("emoji has a broken percent escape");
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                bytes.writeBytes(Character.toString(ch).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(ch) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("emoji is not valid UTF-8");
        }
    }
}
