package dev.filament.postgres.search;

import static dev.filament.postgres.jooq.Tables.MESSAGES;
import static dev.filament.postgres.jooq.Tables.SEARCH_DOCUMENTS;
import static org.jooq.impl.DSL.condition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectOne;

import dev.filament.application.search.port.out.SearchCriteria;
import dev.filament.application.search.port.out.SearchQueryPort;
import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.postgres.JooqUnitOfWork;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * PostgreSQL {@link SearchQueryPort}: full-text search with the {@code simple} configuration over
 * {@code search_documents}, ranked by {@code ts_rank}, restricted to the searched channels and to documents whose
 * message still exists in the same guild and channel. Runs on the unit of work's context (joining an open
 * transaction); database timeouts surface as {@link dev.filament.domain.error.UnavailableException}.
 */
public final class JooqSearchQuery implements SearchQueryPort {
    private final DSLContext dsl;

    public JooqSearchQuery(JooqUnitOfWork unitOfWork) {
        this.dsl = unitOfWork.dsl();
    }

    @Override
    public List<MessageId> find(SearchCriteria criteria) {
        if (criteria.findsNothing()) {
            return List.of();
        }
        Field<Object> query = TsQueries.of(criteria.query());
        Field<Float> rank = field("ts_rank({0}, {1})", Float.class, SEARCH_DOCUMENTS.TSV, query);
        List<String> channels = criteria.searchedChannels().stream().map(ChannelId::value).toList();
        try {
            return dsl.select(SEARCH_DOCUMENTS.MESSAGE_ID)
                    .from(SEARCH_DOCUMENTS)
                    .where(SEARCH_DOCUMENTS.GUILD_ID.eq(criteria.guild().value()))
                    .and(SEARCH_DOCUMENTS.CHANNEL_ID.in(channels))
                    .and(condition("{0} @@ {1}", SEARCH_DOCUMENTS.TSV, query))
                    .andExists(selectOne().from(MESSAGES)
                            .where(MESSAGES.MESSAGE_ID.eq(SEARCH_DOCUMENTS.MESSAGE_ID))
                            .and(MESSAGES.GUILD_ID.eq(SEARCH_DOCUMENTS.GUILD_ID))
                            .and(MESSAGES.CHANNEL_ID.eq(SEARCH_DOCUMENTS.CHANNEL_ID)))
                    .orderBy(rank.desc(), SEARCH_DOCUMENTS.MESSAGE_ID.desc())
                    .limit(criteria.limit())
                    .fetch(SEARCH_DOCUMENTS.MESSAGE_ID)
                    .stream().map(MessageId::new).toList();
        } catch (RuntimeException e) {
            throw DatabaseFailures.translate(e);
        }
    }
}
