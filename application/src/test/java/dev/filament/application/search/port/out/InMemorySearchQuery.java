package dev.filament.application.search.port.out;

import dev.filament.domain.id.ChannelId;
import dev.filament.domain.id.MessageId;
import dev.filament.domain.search.SearchLexeme;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fake {@link SearchQueryPort} over an {@link InMemorySearchDatabase}: a document matches when every lexeme equals (or
 * prefixes) one of its tokens; rank = how many tokens match some lexeme. Only documents whose message still exists in
 * the same guild and channel are found.
 */
public final class InMemorySearchQuery implements SearchQueryPort {
    private final InMemorySearchDatabase db;

    public InMemorySearchQuery(InMemorySearchDatabase db) {
        this.db = db;
    }

    @Override
    public List<MessageId> find(SearchCriteria criteria) {
        if (criteria.findsNothing()) {
            return List.of();
        }
        Set<ChannelId> channels = criteria.searchedChannels();
        List<SearchLexeme> lexemes = criteria.query().lexemes();
        synchronized (db) {
            return db.documents.entrySet().stream()
                    .filter(d -> d.getValue().guild().equals(criteria.guild())
                            && channels.contains(d.getValue().channel())
                            && messageStillThere(d.getKey(), d.getValue())
                            && lexemes.stream().allMatch(l -> d.getValue().tokens().stream().anyMatch(l::matches)))
                    .sorted(Comparator.<Map.Entry<MessageId, InMemorySearchDatabase.Document>>comparingLong(
                                    d -> -rank(d.getValue(), lexemes))
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .limit(criteria.limit())
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    private boolean messageStillThere(MessageId id, InMemorySearchDatabase.Document doc) {
        InMemorySearchDatabase.Message m = db.messages.get(id);
        return m != null && m.guild().equals(doc.guild()) && m.channel().equals(doc.channel());
    }

    private static long rank(InMemorySearchDatabase.Document doc, List<SearchLexeme> lexemes) {
        return doc.tokens().stream().filter(t -> lexemes.stream().anyMatch(l -> l.matches(t))).count();
    }
}
