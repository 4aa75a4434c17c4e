package dev.filament.application.identity.fakes;

import dev.filament.application.identity.port.out.UserRepository;
import dev.filament.application.shared.fakes.InMemoryUnitOfWork;
import dev.filament.domain.id.UserId;
import dev.filament.domain.identity.AboutMarkdown;
import dev.filament.domain.identity.ProfileImageKind;
import dev.filament.domain.identity.StoredImage;
import dev.filament.domain.identity.User;
import dev.filament.domain.identity.UserProfile;
import dev.filament.domain.identity.Username;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fake {@link UserRepository} in memory; locks are no-ops because the in-memory unit of work is serial. */
public final class InMemoryUserRepository implements UserRepository, InMemoryUnitOfWork.Participant {
    private final Map<UserId, User> byId = new HashMap<>();
    private final Map<String, UserId> byCanonicalName = new HashMap<>();
    private final Map<UserId, UserProfile> profiles = new HashMap<>();
    private final Map<String, StoredImage> images = new HashMap<>();

    /** Takes part in rollback: a copy of the rows now, and the action that puts them back. */
    @Override
    public synchronized Runnable snapshot() {
        Map<UserId, User> byIdThen = new HashMap<>(byId);
        Map<String, UserId> byNameThen = new HashMap<>(byCanonicalName);
        Map<UserId, UserProfile> profilesThen = new HashMap<>(profiles);
        Map<String, StoredImage> imagesThen = new HashMap<>(images);
        return () -> {
            synchronized (this) {
                images.clear();
                images.putAll(imagesThen);
                profiles.clear();
                profiles.putAll(profilesThen);
                byId.clear();
                byId.putAll(byIdThen);
                byCanonicalName.clear();
                byCanonicalName.putAll(byNameThen);
            }
        };
    }

    @Override
    public synchronized InsertOutcome insertIfAbsent(User user) {
        if (byCanonicalName.containsKey(user.username().canonical()) || byId.containsKey(user.id())) {
            return InsertOutcome.EXISTS;
        }
        byId.put(user.id(), user);
        byCanonicalName.put(user.username().canonical(), user.id());
        profiles.put(user.id(), new UserProfile(user.id(), user.username(), AboutMarkdown.EMPTY, 0, 0));
        return InsertOutcome.CREATED;
    }

    @Override
    public synchronized Optional<User> findByUsernameCanonical(Username username) {
        return Optional.ofNullable(byCanonicalName.get(username.canonical())).map(byId::get);
    }

    @Override
    public synchronized Optional<User> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> lockById(UserId id) {
        return findById(id);
    }

    @Override
    public synchronized Optional<UserProfile> findProfile(UserId id) {
        return Optional.ofNullable(profiles.get(id));
    }

    @Override
    public Optional<UserProfile> lockProfile(UserId id) {
        return findProfile(id);
    }

    @Override
    public synchronized ProfileWrite updateProfile(UserId id, Username username, AboutMarkdown about) {
        UserId holder = byCanonicalName.get(username.canonical());
        if (holder != null && !holder.equals(id)) {
            return ProfileWrite.USERNAME_TAKEN;
        }
        User before = byId.get(id);
        byCanonicalName.remove(before.username().canonical());
        byCanonicalName.put(username.canonical(), id);
        byId.put(id, User.rehydrate(id, username, before.passwordHash(), before.createdAt()));
        profiles.put(id, profiles.get(id).withUsername(username).withAbout(about));
        return ProfileWrite.UPDATED;
    }

    @Override
    public synchronized Optional<StoredImage> findImage(UserId id, ProfileImageKind kind) {
        return Optional.ofNullable(images.get(kind + "/" + id));
    }

    @Override
    public synchronized Optional<String> replaceImage(UserId id, ProfileImageKind kind, StoredImage image) {
        StoredImage before = images.put(kind + "/" + id, image);
        UserProfile p = profiles.get(id);
        profiles.put(id, new UserProfile(id, p.username(), p.about(),
                kind == ProfileImageKind.AVATAR ? image.version() : p.avatarVersion(),
                kind == ProfileImageKind.BANNER ? image.version() : p.bannerVersion()));
        return Optional.ofNullable(before).map(StoredImage::objectKey);
    }

    /** Test hook standing in for an upload: sets the stored image versions. */
    public synchronized void setVersions(UserId id, long avatarVersion, long bannerVersion) {
        UserProfile p = profiles.get(id);
        profiles.put(id, new UserProfile(id, p.username(), p.about(), avatarVersion, bannerVersion));
    }

    @Override
    public synchronized Map<UserId, UserSummary> findSummaries(Set<UserId> ids) {
        Map<UserId, UserSummary> found = new HashMap<>();
        for (UserId id : ids) {
            User user = byId.get(id);
            if (user != null) {
                found.put(id, new UserSummary(id, user.username(), profiles.get(id).avatarVersion()));
            }
        }
        return found;
    }

    public synchronized int count() {
        return byId.size();
    }
}
