package dev.filament.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileImageKindTest {

    @Test
    void wireNamesAndVersions() {
        assertThat(ProfileImageKind.AVATAR.wire()).isEqualTo("avatar");
        assertThat(ProfileImageKind.nextVersion(0, 1_700_000_000L)).isEqualTo(1_700_000_000L);
        assertThat(ProfileImageKind.nextVersion(1_700_000_000L, 1_700_000_000L)).isEqualTo(1_700_000_001L);
    }

    @Test
    void storedImageChecksWhatTheSchemaChecks() {
        StoredImage ok = new StoredImage("avatars/U/X", "image/png", 1, "0".repeat(64), 1);
        assertThat(ok.etag()).isEqualTo("\"" + "0".repeat(64) + "\"");
        assertThatThrownBy(() -> new StoredImage("k", "image/svg+xml", 1, "0".repeat(64), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredImage("k", "image/png", 0, "0".repeat(64), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StoredImage("k", "image/png", 1, "A".repeat(64), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
