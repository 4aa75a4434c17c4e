package dev.filament.application.identity.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.filament.application.identity.fakes.TestIds;
import dev.filament.application.identity.port.out.UserRepository.InsertOutcome;
import dev.filament.application.identity.port.out.UserRepository.ProfileWrite;
import dev.filament.application.identity.port.out.UserRepository.UserSummary;
import dev.filament.application.shared.port.out.UnitOfWork;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.PasswordHash;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract every {@link UserRepository} keeps. Subclasses supply the repository and the unit of work it joins; the
 * tests use fresh ids and names, so they run against a shared, non-empty database.
 */
public abstract class UserRepositoryContract {
    protected static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    private final TestIds ids = new TestIds();
    private UserRepository users;
    private UnitOfWork unitOfWork;

    /** A repository over the store under test; called before each test. */
    protected abstract UserRepository createRepository();

    /** The unit of work whose transactions the repository joins. */
    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void setUpContract() {
        users = createRepository();
        unitOfWork = unitOfWork();
    }

    private <T> T tx(Supplier<T> work) {
        return unitOfWork.inTransaction(work);
    }

    private User newUser(String name) {
        return User.register(ids.newUserId(), new Username(name), new PasswordHash("$argon2id$v=19$test$" + name), T0);
    }

    @Test
    void insertedUserIsFoundByIdWithAllFields() {
        User user = newUser(TestIds.uniqueUsername());
        assertThat(tx(() -> users.insertIfAbsent(user))).isEqualTo(InsertOutcome.CREATED);
        assertThat(tx(() -> users.findById(user.id()))).contains(user);
    }

    @Test
    void givenNameTakenInAnotherCase_insertIfAbsent_reportsExistsAndWritesNothing() {
        String name = TestIds.uniqueUsername();
        User original = newUser(name);
        tx(() -> users.insertIfAbsent(original));
        User clash = newUser(name.toLowerCase(Locale.ROOT));
        assertThat(tx(() -> users.insertIfAbsent(clash))).isEqualTo(InsertOutcome.EXISTS);
        assertThat(tx(() -> users.findById(clash.id()))).isEmpty();
        assertThat(tx(() -> users.findByUsernameCanonical(clash.username()))).contains(original);
    }

    @Test
    void findByUsernameCanonicalIgnoresCaseAndKeepsTheStoredSpelling() {
        String name = TestIds.uniqueUsername();
        User user = newUser(name);
        tx(() -> users.insertIfAbsent(user));
        Optional<User> found = tx(() -> users.findByUsernameCanonical(new Username(name.toLowerCase(Locale.ROOT))));
        assertThat(found).map(User::username).contains(new Username(name));
    }

    @Test
    void unknownUsersAreNotFound() {
        assertThat(tx(() -> users.findById(ids.newUserId()))).isEmpty();
        assertThat(tx(() -> users.lockById(ids.newUserId()))).isEmpty();
        assertThat(tx(() -> users.findByUsernameCanonical(new Username(TestIds.uniqueUsername())))).isEmpty();
    }

    @Test
    void findSummariesReturnsOnlyKnownUsers() {
        User a = newUser(TestIds.uniqueUsername());
        User b = newUser(TestIds.uniqueUsername());
        tx(() -> users.insertIfAbsent(a));
        tx(() -> users.insertIfAbsent(b));
        UserId unknown = ids.newUserId();
        Map<UserId, UserSummary> found = tx(() -> users.findSummaries(Set.of(a.id(), unknown, b.id())));
        assertThat(found).containsOnlyKeys(a.id(), b.id());
        assertThat(found.get(a.id())).isEqualTo(new UserSummary(a.id(), a.username(), 0));
        assertThat(tx(() -> users.findSummaries(Set.of()))).isEmpty();
    }

    /** Runs an update in its own transaction, rolling back (as the service does) when the name is taken. */
    private ProfileWrite update(UserId id, String name, String about) {
        try {
            return tx(() -> {
                ProfileWrite outcome = users.updateProfile(id, new Username(name), new AboutMarkdown(about));
                if (outcome == ProfileWrite.USERNAME_TAKEN) {
                    throw new Taken();
                }
                return outcome;
            });
        } catch (Taken e) {
            return ProfileWrite.USERNAME_TAKEN;
        }
    }

    private static final class Taken extends RuntimeException {
    }

    @Test
    void newUserHasAnEmptyProfileAndUnknownUsersNone() {
        User user = newUser(TestIds.uniqueUsername());
        tx(() -> users.insertIfAbsent(user));
        assertThat(tx(() -> users.findProfile(user.id())))
                .contains(new UserProfile(user.id(), user.username(), AboutMarkdown.EMPTY, 0, 0));
        assertThat(tx(() -> users.lockProfile(user.id()))).isEqualTo(tx(() -> users.findProfile(user.id())));
        assertThat(tx(() -> users.findProfile(ids.newUserId()))).isEmpty();
        assertThat(tx(() -> users.lockProfile(ids.newUserId()))).isEmpty();
    }

    @Test
    void updateProfileStoresNameAndTextAndTheNewNameIsFoundIgnoringCase() {
        User user = newUser(TestIds.uniqueUsername());
        tx(() -> users.insertIfAbsent(user));
        String renamed = TestIds.uniqueUsername().toUpperCase(Locale.ROOT).replace("T_", "t_");
        assertThat(update(user.id(), renamed, "about me")).isEqualTo(ProfileWrite.UPDATED);
        assertThat(tx(() -> users.findProfile(user.id()))).map(p -> p.username().value() + "|" + p.about().value())
                .contains(renamed + "|about me");
        assertThat(tx(() -> users.findByUsernameCanonical(new Username(renamed.toLowerCase(Locale.ROOT)))))
                .map(User::id).contains(user.id());
        assertThat(tx(() -> users.findByUsernameCanonical(user.username()))).as("old name free").isEmpty();
        assertThat(update(user.id(), renamed.toLowerCase(Locale.ROOT), "")).as("own name in another case")
                .isEqualTo(ProfileWrite.UPDATED);
    }

    @Test
    void updateProfileToANameAnotherUserHoldsInAnyCaseWritesNothing() {
        User holder = newUser(TestIds.uniqueUsername());
        User user = newUser(TestIds.uniqueUsername());
        tx(() -> users.insertIfAbsent(holder));
        tx(() -> users.insertIfAbsent(user));
        assertThat(update(user.id(), holder.username().value().toUpperCase(Locale.ROOT), "x"))
                .isEqualTo(ProfileWrite.USERNAME_TAKEN);
        assertThat(tx(() -> users.findProfile(user.id())))
                .contains(new UserProfile(user.id(), user.username(), AboutMarkdown.EMPTY, 0, 0));
    }

    @Test
    void replaceImageStoresMetadataAndVersionAndReturnsTheReplacedKey() {
        User user = newUser(TestIds.uniqueUsername());
        tx(() -> users.insertIfAbsent(user));
        assertThat(tx(() -> users.findImage(user.id(), ProfileImageKind.AVATAR))).isEmpty();
        StoredImage first = new StoredImage("avatars/" + user.id() + "/1", "image/png", 10, "0".repeat(64), 5);
        assertThat(tx(() -> users.replaceImage(user.id(), ProfileImageKind.AVATAR, first))).isEmpty();
        StoredImage second = new StoredImage("avatars/" + user.id() + "/2", "image/webp", 20, "1".repeat(64), 6);
        assertThat(tx(() -> users.replaceImage(user.id(), ProfileImageKind.AVATAR, second)))
                .contains(first.objectKey());
        assertThat(tx(() -> users.findImage(user.id(), ProfileImageKind.AVATAR))).contains(second);
        assertThat(tx(() -> users.findImage(user.id(), ProfileImageKind.BANNER))).as("kinds apart").isEmpty();
        assertThat(tx(() -> users.findProfile(user.id()))).map(p -> p.avatarVersion() + "/" + p.bannerVersion())
                .contains("6/0");
        assertThat(tx(() -> users.findSummaries(Set.of(user.id()))).get(user.id()).avatarVersion()).isEqualTo(6);
        assertThat(tx(() -> users.findImage(ids.newUserId(), ProfileImageKind.BANNER))).isEmpty();
    }
}
