package dev.filament.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.filament.bootstrap.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 13: FILAMENT_ATTACHMENT_ROOT is created when missing; not a writable directory stops startup naming it. */
class BlobWiringTest {
    private static final AtomicLong SEQ = new AtomicLong();

    @Test
    void aMissingRootIsCreatedAndARootThatIsAFileIsAnInvalidVariable(@TempDir Path temp) throws Exception {
        try (var store = BlobWiring.open(temp.resolve("a/b"), () -> String.format("01K%023d", SEQ.incrementAndGet()))) {
            assertThat(temp.resolve("a/b/.tmp")).isDirectory();
        }
        Path file = Files.writeString(temp.resolve("file"), "x");
        assertThatThrownBy(() -> BlobWiring.open(file, () -> "01K00000000000000000000000"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo("FILAMENT_ATTACHMENT_ROOT"));
    }
}
