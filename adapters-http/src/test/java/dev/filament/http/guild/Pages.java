package dev.filament.http.guild;

import static dev.filament.http.testing.HttpFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.filament.http.testing.HttpFixture.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Walks a cursor list over HTTP following {@code next_cursor} until it is {@code null} (SPEC 1.9). */
final class Pages {
    private Pages() {
    }

    /** Every row in walk order, plus the size of each page. */
    record Walk(List<JsonNode> rows, List<Integer> pageSizes, List<String> cursors) {
    }

    static Walk walk(GuildHttpFixture f, String path, String listKey, int limit, Caller caller) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            String query = "?limit=" + limit + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = json(f.http.get(path + query, caller), 200);
            assertThat(page.has("next_cursor")).as("next_cursor is always present").isTrue();
            page.get(listKey).forEach(rows::add);
            sizes.add(page.get(listKey).size());
            JsonNode next = page.get("next_cursor");
            if (next.isNull()) {
                return new Walk(rows, sizes, cursors);
            }
            cursor = next.asText();
            cursors.add(cursor);
        }
        throw new AssertionError("pagination did not end");
    }
}
