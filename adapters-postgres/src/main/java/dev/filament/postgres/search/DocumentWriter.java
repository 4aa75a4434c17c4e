package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.filament.postgres.jooq.tables.records.SearchDocumentsRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Writes search documents from message rows (SPEC 10.2.3), shared by the upsert batch and the rebuild steps. The
 * content is lower-cased in Java before {@code to_tsvector('simple', …)}, and query lexemes are lower-cased the same
 * way, so matching ignores case for every script whatever the database's LC_CTYPE (in the C locale PostgreSQL would
 * lower-case ASCII only).
 */
final class DocumentWriter {
    private DocumentWriter() {
    }

    /**
     * The current rows of the given messages, locked FOR KEY SHARE: a message delete in flight makes this wait and
     * then drops the row, so a document is never written back for a message whose delete committed.
     */
    static Result<Record5<String, String, String, Integer, String>> lockMessages(DSLContext dsl,
                                                                                 Collection<String> ids) {
        return dsl.select(MESSAGES.MESSAGE_ID, MESSAGES.GUILD_ID, MESSAGES.CHANNEL_ID, MESSAGES.REVISION,
                        MESSAGES.CONTENT)
                .from(MESSAGES)
                .where(MESSAGES.MESSAGE_ID.in(ids))
                .forKeyShare()
                .fetch();
    }

    /** Inserts or replaces the documents; an existing document of a newer revision is kept. */
    static void write(DSLContext dsl, List<Record5<String, String, String, Integer, String>> rows,
                      OffsetDateTime now) {
        if (rows.isEmpty()) {
            return;
        }
        InsertValuesStep6<SearchDocumentsRecord, String, String, String, Integer, String, OffsetDateTime> insert =
                dsl.insertInto(SEARCH_DOCUMENTS, SEARCH_DOCUMENTS.MESSAGE_ID, SEARCH_DOCUMENTS.GUILD_ID,
                        SEARCH_DOCUMENTS.CHANNEL_ID, SEARCH_DOCUMENTS.REVISION, SEARCH_DOCUMENTS.TSV,
                        SEARCH_DOCUMENTS.INDEXED_AT);
        for (Record5<String, String, String, Integer, String> m : rows) {
            insert = insert.values(val(m.value1()), val(m.value2()), val(m.value3()), val(m.value4()),
                    tsvector(m.value5()), val(now));
        }
        insert.onConflict(SEARCH_DOCUMENTS.MESSAGE_ID).doUpdate()
                .set(SEARCH_DOCUMENTS.GUILD_ID, excluded(SEARCH_DOCUMENTS.GUILD_ID))
                .set(SEARCH_DOCUMENTS.CHANNEL_ID, excluded(SEARCH_DOCUMENTS.CHANNEL_ID))
                .set(SEARCH_DOCUMENTS.REVISION, excluded(SEARCH_DOCUMENTS.REVISION))
                .set(SEARCH_DOCUMENTS.TSV, excluded(SEARCH_DOCUMENTS.TSV))
                .set(SEARCH_DOCUMENTS.INDEXED_AT, excluded(SEARCH_DOCUMENTS.INDEXED_AT))
                // a batch that read an older revision must not overwrite a newer document
                .where(SEARCH_DOCUMENTS.REVISION.le(excluded(SEARCH_DOCUMENTS.REVISION)))
                .execute();
    }

    /** Removes the documents of these messages when the message no longer exists. */
    static void deleteOrphans(DSLContext dsl, Collection<String> ids) {
        dsl.deleteFrom(SEARCH_DOCUMENTS)
                .where(SEARCH_DOCUMENTS.MESSAGE_ID.in(ids))
                .and(messageGone())
                .execute();
    }

    /** True for a document whose message no longer exists in the document's guild and channel. */
    static Condition messageGone() {
        return DSL.notExists(selectOne().from(MESSAGES)
                .where(MESSAGES.MESSAGE_ID.eq(SEARCH_DOCUMENTS.MESSAGE_ID))
                .and(MESSAGES.GUILD_ID.eq(SEARCH_DOCUMENTS.GUILD_ID))
                .and(MESSAGES.CHANNEL_ID.eq(SEARCH_DOCUMENTS.CHANNEL_ID)));
    }

    private static Field<String> tsvector(String content) {
        return field("to_tsvector('simple', {0})", String.class, val(content.toLowerCase(Locale.ROOT)));
    }
}
