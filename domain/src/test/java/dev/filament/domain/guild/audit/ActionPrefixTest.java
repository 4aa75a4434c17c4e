package dev.filament.domain.guild.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.domain.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code action_prefix} of SPEC 7.2: 1..64 of [a-z0-9._], a literal prefix. */
class ActionPrefixTest {

    static String[] valid() {
        return new String[] {"r", "role.", "directory.join.rejected.ip_ban", "a".repeat(64), "0._9"};
    }

    static String[] invalid() {
        return new String[] {"", "a".repeat(65), "Role", "role%", "role-", "role ", "rôle", "role\u0000", "a*"};
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsTheDocumentedAlphabet(String raw) {
        assertThat(ActionPrefix.parse(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void rejectsEverythingElseAs400(String raw) {
        assertThatThrownBy(() -> ActionPrefix.parse(raw)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void underscoreIsMatchedLiterallyNotAsAWildcard() {
        ActionPrefix prefix = ActionPrefix.parse("role.default_");

        assertThat(prefix.likePattern()).isEqualTo("role.default\\_%");
        assertThat(prefix.matches("role.default_join.update")).isTrue();
        assertThat(prefix.matches("role.defaultXjoin.update")).isFalse();
    }
}
