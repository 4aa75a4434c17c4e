package dev.filament.application.gateway.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.domain.id.UserId;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link ObserverDirectory} keeps (SPEC 9.5 {@code observers(U)}): U, U's friends and U's guild
 * co-members, intersected with the candidates; a stranger never observes. Subclasses create users, friendships and
 * guilds in the store under test; the tests use fresh ones, so they run against a shared database.
 */
public abstract class ObserverDirectoryContract {
    private ObserverDirectory directory;

    protected abstract ObserverDirectory createDirectory();

    protected abstract UserId newUser();

    protected abstract void befriend(UserId a, UserId b);

    /** Creates a new guild holding exactly {@code members}. */
    protected abstract void guildOf(UserId... members);

    @BeforeEach
    void setUpContract() {
        directory = createDirectory();
    }

    @Test
    void observersAreSelfFriendsAndCoMembersAmongTheCandidatesOnly() {
        UserId subject = newUser();
        UserId friend = newUser();
        UserId coMember = newUser();
        UserId stranger = newUser();
        UserId otherGuildMember = newUser();
        UserId friendNotConnected = newUser();
        befriend(friend, subject);
        befriend(subject, friendNotConnected);
        guildOf(subject, coMember);
        guildOf(stranger, otherGuildMember);
        befriend(stranger, friend); // a friend of a friend is still a stranger

        Set<UserId> connected = Set.of(subject, friend, coMember, stranger, otherGuildMember);
        assertThat(directory.observersAmong(subject, connected)).containsExactlyInAnyOrder(subject, friend, coMember);
    }

    @Test
    void aSubjectWithNobodyConnectedOrNoRelationsHasNoOtherObservers() {
        UserId subject = newUser();
        UserId stranger = newUser();
        assertThat(directory.observersAmong(subject, Set.of())).isEmpty();
        assertThat(directory.observersAmong(subject, Set.of(stranger))).isEmpty();
        assertThat(directory.observersAmong(subject, Set.of(stranger, subject))).containsExactly(subject);
    }
}
