package dev.filament.http.message;

import dev.filament.application.shared.Page;
import dev.filament.application.message.port.in.CreateMessageUseCase;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.EditMessageUseCase;
import dev.filament.application.message.port.in.EditMessageUseCase.EditMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.MessageView;
import dev.filament.http.RequestAttributes;
import dev.filament.http.auth.BearerAuthenticator;
import dev.filament.http.json.JsonBodies;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.routes.PathIds;
import dev.filament.http.routes.QueryParams;
import dev.filament.http.routes.RouteModule;
import dev.filament.http.routes.Router;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * SPEC 8.1: post, list, edit and delete messages. Each handler follows SPEC 1.10: authentication (401), path ids
 * (malformed → 404), query (400), body (415/400/422), then the use case, which runs the access ladder and the rest.
 */
public final class MessageRoutes implements RouteModule {
    static final String MESSAGES = "/guilds/{g}/channels/{c}/messages";
    static final String MESSAGE = MESSAGES + "/{m}";

    private final CreateMessageUseCase create;
    private final ListMessagesUseCase list;
    private final EditMessageUseCase edit;
    private final DeleteMessageUseCase delete;
    private final BearerAuthenticator auth;
    private final JsonBodies bodies;

    public MessageRoutes(CreateMessageUseCase create, ListMessagesUseCase list, EditMessageUseCase edit,
                         DeleteMessageUseCase delete, BearerAuthenticator auth, JsonBodies bodies) {
        this.create = Objects.requireNonNull(create, "create");
        this.list = Objects.requireNonNull(list, "list");
        this.edit = Objects.requireNonNull(edit, "edit");
        this.delete = Objects.requireNonNull(delete, "delete");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    @Override
    public void register(Router router) {
        router.post(MESSAGES, this::create);
        router.get(MESSAGES, this::list);
        router.patch(MESSAGE, this::edit);
        router.delete(MESSAGE, this::delete);
    }

    private void create(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String content = body.requiredString("content");
        List<String> attachments = body.optionalStringList("attachment_ids").orElse(List.of());
        body.finish();
        MessageView created = create.create(CreateMessageCommand.rest(caller,
                RequestAttributes.clientIp(ctx), guild, channel, content, attachments));
        ctx.json(MessageBodies.response(created));
    }

    private void list(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        QueryParams query = QueryParams.of(ctx, "limit", "before");
        ListMessagesQuery q = ListMessagesQuery.parse(caller, RequestAttributes.clientIp(ctx), guild, channel,
                query.string("before"), limit(query));
        Page<MessageView> page = list.list(q);
        ctx.json(MessageBodies.Messages.of(page));
    }

    private void edit(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        MessageId message = PathIds.message(ctx);
        QueryParams.of(ctx);
        JsonObjectReader body = bodies.object(ctx);
        String content = body.requiredString("content");
        body.finish();
        ctx.json(MessageBodies.response(edit.edit(new EditMessageCommand(caller, RequestAttributes.clientIp(ctx), guild, channel,
                message, content))));
    }

    private void delete(Context ctx) {
        UserId caller = auth.authenticate(ctx).userId();
        GuildId guild = PathIds.guild(ctx);
        ChannelId channel = PathIds.channel(ctx);
        MessageId message = PathIds.message(ctx);
        QueryParams.of(ctx);
        delete.delete(new DeleteMessageCommand(caller, RequestAttributes.clientIp(ctx), guild, channel,
                message));
        ctx.status(204);
    }

    /** {@code limit} as a plain non-negative integer (else 400); its range belongs to the use case (also 400). */
    static OptionalInt limit(QueryParams query) {
        return query.string("limit").isPresent()
                ? OptionalInt.of(query.intInRange("limit", 0, 0, Integer.MAX_VALUE))
                : OptionalInt.empty();
    }
}
