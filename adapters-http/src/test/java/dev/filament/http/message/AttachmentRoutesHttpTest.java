package dev.filament.http.message;

import static dev.filament.http.testing.HttpFixture.error;
import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.id.GuildId;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 8.5 over real HTTP: upload, download headers and ranges, delete, and bad input that writes nothing. */
class AttachmentRoutesHttpTest {
    private static MessageHttpFixture f;
    private final Caller owner = f.user();
    private final GuildId guild = f.guild(owner);
    private final Channel channel = f.channel(guild);
    private final Caller member = f.member(guild);
    private final String path = "/guilds/" + guild + "/channels/" + channel.id() + "/attachments";

    @BeforeAll
    static void start() {
        f = new MessageHttpFixture();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private HttpResponse<String> upload(Caller caller, String query, String contentType, String body)
            throws Exception {
        return f.http.sendRaw("POST", path + query, caller, contentType, body);
    }

    private int stored() {
        return f.app.messages.attachments().count() + f.app.blobs.size();
    }

    @Test
    void anUploadAnswersTheAttachmentAndTheDownloadCarriesTheSpecHeaders() throws Exception {
        JsonNode a = json(upload(member, "?filename=r%C3%A9sum%C3%A9+%22final%22%25.txt", "text/plain",
                "hello world"), 200);

        assertThat(a.get("filename").asText()).isEqualTo("résumé \"final\"%.txt");
        assertThat(a.get("mime_type").asText()).isEqualTo("text/plain");
        assertThat(a.get("size_bytes").asLong()).isEqualTo(11);
        assertThat(a.get("owner_id").asText()).isEqualTo(member.id().value());
        HttpResponse<String> r = f.http.send("GET", path + "/" + a.get("attachment_id").asText(), member, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello world");
        assertThat(r.headers().firstValue("Content-Disposition")).contains(
                "attachment; filename=\"r_sum_ _final__.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22%25.txt");
        // Jetty writes the parameter without the space; the same media type for every HTTP client
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).matches("text/plain; ?charset=utf-8");
        assertThat(r.headers().firstValue("Content-Length")).contains("11");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("Cache-Control")).contains("private, no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; sandbox");
        assertThat(r.headers().firstValue("Cross-Origin-Resource-Policy")).contains("same-origin");
        assertThat(r.headers().firstValue("ETag")).contains("\"" + a.get("sha256_hex").asText() + "\"");
    }

    @Test
    void rangesAnswer206Or416() throws Exception {
        String id = json(upload(member, "", null, "0123456789"), 200).get("attachment_id").asText();
        String file = path + "/" + id;

        HttpResponse<String> part = f.http.send("GET", file, member, null, "Range", "bytes=2-4");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("234");
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 2-4/10");
        assertThat(f.http.send("GET", file, member, null, "Range", "bytes=-3").body()).isEqualTo("789");
        HttpResponse<String> none = f.http.send("GET", file, member, null, "Range", "bytes=10-");
        error(none, 416, "range_not_satisfiable");
        assertThat(none.headers().firstValue("Content-Range")).contains("bytes */10");
        assertThat(f.http.send("GET", file, member, null, "Range", "bytes=1-2,4-5").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnboundUploadIsTheOwnersAloneAndDeleteRemovesIt() throws Exception {
        String id = json(upload(member, "?filename=x", null, "secret"), 200).get("attachment_id").asText();

        error(f.http.send("GET", path + "/" + id, owner, null), 404, "not_found");
        error(f.http.send("DELETE", path + "/" + id, owner, null), 404, "not_found");
        assertThat(f.http.send("DELETE", path + "/" + id, member, null).statusCode()).isEqualTo(204);
        error(f.http.send("GET", path + "/" + id, member, null), 404, "not_found");
    }

    @Test
    void aMessageCarriesItsAttachmentAndContentMayThenBeEmpty() throws Exception {
        String id = json(upload(member, "?filename=a.txt", null, "file"), 200).get("attachment_id").asText();
        String messages = MessageHttpFixture.messagesPath(guild, channel);

        JsonNode m = json(f.http.send("POST", messages, member,
                "{\"content\":\"\",\"attachment_ids\":[\"" + id + "\"]}"), 200);

        assertThat(m.get("attachments").get(0).get("attachment_id").asText()).isEqualTo(id);
        assertThat(f.http.send("GET", path + "/" + id, owner, null).body()).isEqualTo("file");
        error(f.http.send("DELETE", path + "/" + id, member, null), 409, "conflict");
        JsonNode listed = json(f.http.send("GET", messages, owner, null), 200).get("messages").get(0);
        assertThat(listed.get("attachments").get(0).get("filename").asText()).isEqualTo("a.txt");
    }

    @Test
    void badInputIsAClear4xxAndWritesNothing() throws Exception {
        int before = stored();
        error(upload(member, "?filename=x", null, ""), 400, "invalid_request");
        error(upload(member, "?filename=x", "image/png", "not a png"), 400, "invalid_request");
        error(upload(member, "?filename=x", "text/html", "<b>hi</b>"), 415, "unsupported_media_type");
        error(upload(member, "?filename=x", "nonsense", "hi"), 400, "invalid_request");
        error(upload(member, "?filename=x", null, "<html>"), 415, "unsupported_media_type");
        for (String name : List.of("a%00b", "a%2Fb", "%2E%2E", "+++", "a%09b", "%C3", "x".repeat(129))) {
            error(upload(member, "?filename=" + name, null, "hi"), 400, "invalid_request");
        }
        error(upload(member, "?filename=a&filename=b", null, "hi"), 400, "invalid_request");
        error(upload(member, "?name=a", null, "hi"), 400, "invalid_request");
        error(upload(f.user(), "", null, "hi"), 403, "forbidden");
        error(f.http.sendRaw("POST", "/guilds/" + guild + "/channels/" + f.channel(f.guild(owner)).id()
                + "/attachments", member, null, "hi"), 404, "not_found");
        error(f.http.send("GET", path + "/" + f.app.guilds.ids.newAttachmentId(), member, null), 404, "not_found");
        error(f.http.send("GET", path + "/nope", member, null), 404, "not_found");
        error(f.http.send("GET", path + "/" + f.app.guilds.ids.newAttachmentId() + "?x=1", member, null), 400,
                "invalid_request");
        assertThat(stored()).isEqualTo(before);
    }
}
