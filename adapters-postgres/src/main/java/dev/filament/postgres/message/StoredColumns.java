package dev.filament.postgres.message;

import static dev.filament.postgres.jooq.Tables.MESSAGES;

import dev.filament.domain.id.UserId;
import dev.filament.domain.message.Message;
import dev.filament.domain.message.StoredMessage;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectFieldOrAsterisk;

/**
 * The columns of a message as read for one viewer: the {@code messages} row, its attachments and its reactions, the
 * last two as correlated aggregates, so a page, an edit's {@code RETURNING} or a search hit list stays one statement.
 */
final class StoredColumns {
    private final Field<String[]> attachments = AttachmentRows.column();
    private final Field<String[]> reactions;

    StoredColumns(UserId viewer) {
        this.reactions = ReactionRows.column(viewer);
    }

    SelectFieldOrAsterisk[] fields() {
        return new SelectFieldOrAsterisk[] {MESSAGES.asterisk(), attachments, reactions};
    }

    StoredMessage read(Record r) {
        Message m = MessageRows.toMessage(r);
        return new StoredMessage(m, AttachmentRows.parse(m, r.get(attachments)), ReactionRows.parse(r.get(reactions)));
    }
}
