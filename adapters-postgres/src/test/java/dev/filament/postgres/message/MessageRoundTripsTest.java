package dev.filament.postgres.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.guild.port.in.CreateChannelUseCase.CreateChannelCommand;
import dev.filament.application.guild.port.in.CreateGuildUseCase.CreateGuildCommand;
import dev.filament.application.guild.port.in.MemberCommand;
import dev.filament.application.message.port.in.CreateMessageUseCase.CreateMessageCommand;
import dev.filament.application.message.port.in.DeleteMessageUseCase.DeleteMessageCommand;
import dev.filament.application.message.port.in.EditMessageUseCase.EditMessageCommand;
import dev.filament.application.message.port.in.ListMessagesUseCase.ListMessagesQuery;
import dev.filament.domain.guild.Channel;
import dev.filament.domain.guild.Guild;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.id.UserId;
import dev.filament.postgres.testing.PostgresExtension;
import dev.filament.postgres.testing.RoundTrips;
import dev.filament.postgres.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue #11 round-trip budgets, counted at the JDBC boundary on the request's thread: a post, an edit and a delete are
 * one transaction of at most 5 round trips including BEGIN and COMMIT; nothing asks for the isolation level.
 */
@ExtendWith(PostgresExtension.class)
class MessageRoundTripsTest {
    private final RoundTrips trips = new RoundTrips();
    private final MessageWorld w;
    private final UserId member;
    private final Guild guild;
    private final Channel channel;

    MessageRoundTripsTest(TestDatabase db) {
        w = new MessageWorld(new TestDatabase(db.jdbcUrl(), db.user(), db.password(), trips.wrap(db.dataSource())));
        UserId owner = w.user();
        member = w.user();
        guild = w.guilds.createGuild().create(new CreateGuildCommand(owner, "trips", Optional.empty()));
        channel = w.guilds.createChannel().create(new CreateChannelCommand(owner, MessageWorld.IP, guild.id(),
                "general", Optional.empty()));
        w.guilds.addMember().add(new MemberCommand(owner, guild.id(), member));
    }

    private MessageId post() {
        return w.useCases.create().create(CreateMessageCommand.rest(member, MessageWorld.IP, guild.id(), channel.id(),
                "hello", List.of())).message().id();
    }

    private static void assertOneTransactionWithinFive(List<String> sent) {
        assertThat(sent).as("round trips %s", RoundTrips.brief(sent)).hasSizeLessThanOrEqualTo(5)
                .doesNotContain("SHOW TRANSACTION ISOLATION LEVEL", "VALIDATE");
        assertThat(sent.getFirst()).isEqualTo("BEGIN");
        assertThat(sent.getLast()).isEqualTo("COMMIT");
        assertThat(sent.stream().filter(t -> t.equals("BEGIN") || t.equals("COMMIT"))).hasSize(2);
    }

    @Test
    void aPostIsOneTransactionOfAtMostFiveRoundTrips() {
        post(); // warm
        List<String> sent = trips.sentBy(this::post);
        assertOneTransactionWithinFive(sent);
        assertThat(RoundTrips.brief(sent)).hasSize(4).element(1).asString().startsWith("insert into \"messages\"");
    }

    @Test
    void anEditAndADeleteAreOneTransactionOfAtMostFiveRoundTripsEach() {
        MessageId id = post();
        assertOneTransactionWithinFive(trips.sentBy(() -> w.useCases.edit().edit(new EditMessageCommand(member,
                MessageWorld.IP, guild.id(), channel.id(), id, "edited"))));
        assertOneTransactionWithinFive(trips.sentBy(() -> w.useCases.delete().delete(new DeleteMessageCommand(member,
                MessageWorld.IP, guild.id(), channel.id(), id))));
    }

    @Test
    void aListOfMessagesIsOneStatementWithoutATransaction() {
        post();
        List<String> sent = trips.sentBy(() -> w.useCases.list().list(ListMessagesQuery.parse(member, MessageWorld.IP,
                guild.id(), channel.id(), Optional.empty(), OptionalInt.of(10))));
        assertThat(sent).as("round trips %s", RoundTrips.brief(sent)).hasSize(1).doesNotContain("BEGIN");
    }
}
