package dev.filament.application.gateway.port.out;

class InMemoryPresenceLedgerTest extends PresenceLedgerContract {
    private final InMemoryPresenceLedger.Cluster cluster = new InMemoryPresenceLedger.Cluster();
    private final PresenceLedger[] nodes = {new InMemoryPresenceLedger(cluster, "a"),
        new InMemoryPresenceLedger(cluster, "b")};

    @Override
    protected PresenceLedger node(int index) {
        return nodes[index];
    }
}
