package dev.filament.application.gateway.port.out;

/** The fake keeps the {@link SubscriptionRevalidations} contract. */
class InMemorySubscriptionRevalidationsTest extends SubscriptionRevalidationsContract {

    @Override
    protected SubscriptionRevalidations newRevalidations() {
        return new InMemorySubscriptionRevalidations();
    }
}
