/**
 * The wire shapes of the API (SPEC 5.6, 8.2, 8.3, 9.5): records with camelCase components that the adapter layer
 * serializes once, with snake_case names. A component typed {@code Optional} is a key written {@code key?} (omitted
 * when empty); any other component is always present, {@code null} only where the SPEC writes {@code T|null}.
 */
package dev.filament.application.wire;
