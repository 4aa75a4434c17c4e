package dev.filament.application.message.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.application.blob.port.out.BlobKey;
import dev.filament.application.guild.service.GuildFixture;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.application.message.port.in.UploadAttachmentUseCase.UploadAttachmentCommand;
import dev.filament.application.wire.ChannelEvent;
import dev.filament.application.wire.MessageResponse;
import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Attachment;
import dev.filament.domain.message.MessageView;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC 8.1 with attachments: binding atomic with the insert, the empty-content rule, events, delete and collector. */
class MessageAttachmentsTest {
    private final MessageFixture f = new MessageFixture();
    private final UserId owner = f.newUser();
    private final Guild guild = f.newGuild(owner);
    private final Channel channel = f.newChannel(guild.id());
    private final UserId member = f.newMember(guild.id());

    private Attachment upload(UserId user, Channel in) {
        return f.media.upload().upload(new UploadAttachmentCommand(user, GuildFixture.IP, guild.id(), in.id(),
                Optional.of("a.txt"), Optional.empty(), new ByteArrayInputStream("hello".getBytes())));
    }

    private MessageView post(UserId user, String content, List<String> ids) {
        return f.useCases.create().create(CreateMessageCommand.rest(user, GuildFixture.IP, guild.id(), channel.id(),
                content, ids));
    }

    private void rejected(Runnable attempt) {
        String before = f.fingerprint();
        int events = f.handOffs.events().size();
        assertThatThrownBy(attempt::run).isInstanceOf(InvalidRequestException.class);
        assertThat(f.fingerprint()).isEqualTo(before);
        assertThat(f.handOffs.events()).hasSize(events);
    }

    @Test
    void aMessageBindsItsAttachmentsAndCarriesThemInTheResponseAndTheEvent() {
        Attachment b = upload(member, channel);
        Attachment a = upload(member, channel);

        MessageView m = post(member, "", List.of(a.id().value(), b.id().value(), a.id().value().toLowerCase()));

        assertThat(m.attachments()).extracting(Attachment::id).containsExactly(b.id(), a.id());
        assertThat(m.attachments()).allSatisfy(x -> assertThat(x.messageId()).contains(m.message().id()));
        ChannelEvent.MessageCreate event = (ChannelEvent.MessageCreate) f.payloads.lastEvent();
        assertThat(event.message().attachments()).extracting(MessageResponse.Attachment::attachmentId)
                .containsExactly(b.id().value(), a.id().value());
        assertThat(event.message().reactions()).isEmpty();
        assertThat(f.useCases.list().list(new ListMessagesQuery(owner, GuildFixture.IP, guild.id(), channel.id(), Optional.empty(), 20))
                .items().getFirst().attachments()).hasSize(2);
    }

    @Test
    void anyIdThatCannotBeBoundRollsTheMessageBack() {
        Attachment mine = upload(member, channel);
        Attachment theirs = upload(owner, channel);
        Attachment elsewhere = upload(member, f.newChannel(guild.id()));

        rejected(() -> post(member, "x", List.of(mine.id().value(), theirs.id().value())));
        rejected(() -> post(member, "x", List.of(mine.id().value(), elsewhere.id().value())));
        rejected(() -> post(member, "x", List.of(mine.id().value(), f.guilds.ids.newAttachmentId().value())));
        rejected(() -> post(member, "x", List.of("not-a-ulid")));
        rejected(() -> post(member, "x", List.of(mine.id().value(), mine.id().value(), mine.id().value(),
                mine.id().value(), mine.id().value(), mine.id().value())));
        rejected(() -> post(member, "", List.of()));
        post(member, "", List.of(mine.id().value()));
        rejected(() -> post(member, "again", List.of(mine.id().value())));
    }

    @Test
    void deletingTheMessageDeletesItsAttachmentsAndWakesTheCollectorAfterCommit() {
        Attachment a = upload(member, channel);
        MessageView m = post(member, "bye", List.of(a.id().value()));

        f.useCases.delete().delete(new DeleteMessageCommand(member, GuildFixture.IP, guild.id(), channel.id(),
                m.message().id()));

        assertThat(f.messages.attachments().count()).isZero();
        assertThat(f.blobGc.notBefore(BlobKey.attachment(a.id().value()))).isPresent();
        assertThat(f.collectorWakes.get()).isEqualTo(1);
    }
}
