package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.MESSAGES;

import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Emoji;
import dev.filament.domain.message.Reaction;
import java.util.Arrays;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The reactions of a message as one column of the message's own statement (SPEC 8.1: a page's reactions never cost a
 * query per message): a correlated subquery on {@code messages.message_id} aggregating {@code message_reactions} into
 * a {@code text[]}, one element per emoji in byte order, {@code emoji TAB count TAB reacted_by_me TAB id,id,...}.
 * Tabs and commas are safe separators: an emoji has no whitespace (SPEC 8.6) and ids are ULIDs.
 */
final class ReactionRows {
    private static final String AGGREGATE = """
            (SELECT coalesce(array_agg(x.line ORDER BY x.emoji COLLATE "C"), '{}'::text[]) FROM (
               SELECT r.emoji, r.emoji || chr(9) || count(*) || chr(9) || bool_or(r.user_id = {1}) || chr(9)
                      || string_agg(r.user_id, ',' ORDER BY r.user_id COLLATE "C") FILTER (WHERE r.n <= 32) AS line
               FROM (SELECT q.emoji, q.user_id,
                            row_number() OVER (PARTITION BY q.emoji ORDER BY q.user_id COLLATE "C") AS n
                     FROM message_reactions q WHERE q.message_id = {0}) r
               GROUP BY r.emoji) x)""";

    private ReactionRows() {
    }

    /** The column for the row of {@code messages} in the statement, as seen by {@code viewer}. */
    static Field<String[]> column(UserId viewer) {
        return DSL.field(AGGREGATE, String[].class, MESSAGES.MESSAGE_ID, DSL.val(viewer.value()));
    }

    static List<Reaction> parse(String[] lines) {
        return lines == null ? List.of() : Arrays.stream(lines).map(ReactionRows::reaction).toList();
    }

    /** One element of {@link #column}; also the shape {@code read} returns for one emoji. */
    static Reaction reaction(String line) {
        String[] parts = line.split("\t", -1);
        List<UserId> ids = parts[3].isEmpty() ? List.of()
                : Arrays.stream(parts[3].split(",")).map(UserId::new).toList();
        return new Reaction(Emoji.of(parts[0]), Integer.parseInt(parts[1]), Boolean.parseBoolean(parts[2]), ids);
    }
}
