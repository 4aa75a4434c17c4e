package dev.filament.http.search;

import dev.filament.domain.message.MessageView;
import dev.filament.application.search.port.out.ReconcileResult;
import dev.filament.application.wire.MessageResponse;
import dev.filament.http.message.MessageBodies;
import java.util.List;

/** The response bodies of SPEC 10 (search and reconcile). */
final class SearchBodies {
    private SearchBodies() {
    }

    /** {@code {message_ids: [ULID], messages: [MessageResponse]}} in rank order. */
    record Results(List<String> messageIds, List<MessageResponse> messages) {
        static Results of(List<MessageView> found) {
            return new Results(found.stream().map(v -> v.message().id().value()).toList(),
                    found.stream().map(MessageBodies::response).toList());
        }
    }

    /** {@code {upserted, deleted}}. */
    record Reconciled(int upserted, int deleted) {
        static Reconciled of(ReconcileResult r) {
            return new Reconciled(r.upserted(), r.deleted());
        }
    }
}
