package dev.filament.http.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.gateway.CloseReason;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.GuildId;
import dev.filament.domain.id.Ulid;
import dev.filament.http.json.Json;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.json.MalformedJson;
import dev.filament.http.json.SchemaViolation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one inbound gateway message (SPEC 9.2, 9.4): the strict envelope {@code {"v":1,"t":"...","d":{...}}}, then
 * the command's payload. Anything else is a {@link ProtocolViolation} naming the close reason. Stateless.
 */
public final class InboundReader {
    private static final Pattern TYPE = Pattern.compile("[a-z0-9_.]{1,64}");

    private final Json json;

    public InboundReader(Json json) {
        this.json = json;
    }

    /** A text frame's message. */
    ClientCommand read(String text) {
        return command(envelope(() -> json.parse(text)));
    }

    /** A binary frame's message, decoded as UTF-8 JSON under the same rules (invalid UTF-8 is malformed JSON). */
    ClientCommand read(byte[] bytes) {
        return command(envelope(() -> json.parse(bytes)));
    }

    private static JsonNode envelope(java.util.function.Supplier<JsonNode> parse) {
        JsonNode root;
        try {
            root = parse.get();
        } catch (MalformedJson e) {
            throw new ProtocolViolation(CloseReason.INVALID_ENVELOPE);
        }
        boolean valid = root.isObject() && root.size() == 3
                && isVersionOne(root.get("v"))
                && root.path("t").isTextual() && TYPE.matcher(root.get("t").textValue()).matches()
                && root.path("d").isObject();
        if (!valid) {
            throw new ProtocolViolation(CloseReason.INVALID_ENVELOPE);
        }
        return root;
    }

    private static boolean isVersionOne(JsonNode v) {
        return v != null && v.isIntegralNumber() && v.canConvertToInt() && v.intValue() == 1;
    }

    private static ClientCommand command(JsonNode root) {
        String type = root.get("t").textValue();
        JsonNode d = root.get("d");
        try {
            return switch (type) {
                case ClientCommand.Subscribe.TYPE -> subscribe(JsonObjectReader.of(d));
                case ClientCommand.MessageCreate.TYPE -> messageCreate(JsonObjectReader.of(d));
                default -> throw new ProtocolViolation(CloseReason.UNKNOWN_EVENT);
            };
        } catch (SchemaViolation | InvalidRequestException e) {
            throw new ProtocolViolation(CloseReason.INVALID_PAYLOAD);
        }
    }

    private static ClientCommand subscribe(JsonObjectReader d) {
        GuildId guild = new GuildId(ulid(d, "guild_id"));
        ChannelId channel = new ChannelId(ulid(d, "channel_id"));
        d.finish();
        return new ClientCommand.Subscribe(guild, channel);
    }

    private static ClientCommand messageCreate(JsonObjectReader d) {
        GuildId guild = new GuildId(ulid(d, "guild_id"));
        ChannelId channel = new ChannelId(ulid(d, "channel_id"));
        List<String> attachments = attachmentIds(d); // read first: its shape closes whatever the content holds
        ClientCommand command;
        try {
            command = new ClientCommand.MessageCreate(guild, channel, d.requiredString("content"), attachments);
        } catch (InvalidRequestException e) {
            // the right type but a forbidden value: a business failure reported as error invalid_request
            command = new ClientCommand.Rejected(ClientCommand.MessageCreate.TYPE, guild, channel, e);
        }
        d.finish();
        return command;
    }

    /**
     * {@code attachment_ids?} (SPEC 9.4, 8.1): absent or {@code null} is {@code []}; anything but an array of ULID
     * strings is a schema violation (close 4400). Which ids may be bound (count, existence, owner) is the message
     * rule's to answer, as an {@code error} event with the code the REST route gives.
     */
    private static List<String> attachmentIds(JsonObjectReader d) {
        List<String> ids = d.optionalStringList("attachment_ids").orElse(List.of());
        for (String id : ids) {
            if (Ulid.parse(id).isEmpty()) {
                throw new SchemaViolation("attachment_ids[] must be ULIDs");
            }
        }
        return ids;
    }

    private static String ulid(JsonObjectReader d, String field) {
        return Ulid.parse(d.requiredString(field)).orElseThrow(() -> new SchemaViolation(field + " must be a ULID"));
    }
}
