package dev.filament.http.guild;

import dev.filament.domain.error.InvalidRequestException;
import dev.filament.domain.guild.permission.Permission;
import dev.filament.domain.guild.permission.PermissionSet;
import dev.filament.domain.id.Ulid;
import dev.filament.http.json.JsonObjectReader;
import dev.filament.http.json.SchemaViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Route step 6 (SPEC 1.5, 1.10) beyond what {@link JsonObjectReader} offers: an unknown enum value or permission name
 * is a schema mismatch (422), a malformed ULID in a body is 400. Range and business checks stay with the use cases.
 */
final class BodyFields {
    private BodyFields() {
    }

    static <E> Optional<E> optionalEnum(JsonObjectReader body, String name, Function<String, Optional<E>> fromWire) {
        return body.optionalString(name).map(raw -> enumValue(name, raw, fromWire));
    }

    static <E> E requiredEnum(JsonObjectReader body, String name, Function<String, Optional<E>> fromWire) {
        return enumValue(name, body.requiredString(name), fromWire);
    }

    private static <E> E enumValue(String name, String raw, Function<String, Optional<E>> fromWire) {
        return fromWire.apply(raw).orElseThrow(() -> new SchemaViolation(name + ": unknown value"));
    }

    static PermissionSet requiredPermissions(JsonObjectReader body, String name) {
        return permissions(name, body.requiredStringList(name));
    }

    static Optional<PermissionSet> optionalPermissions(JsonObjectReader body, String name) {
        return body.optionalStringList(name).map(list -> permissions(name, list));
    }

    /** Wire names to a set; duplicates collapse, an unknown name is a schema mismatch (422). */
    static PermissionSet permissions(String name, List<String> wireNames) {
        List<Permission> out = new ArrayList<>(wireNames.size());
        for (String wire : wireNames) {
            out.add(Permission.fromWire(wire)
                    .orElseThrow(() -> new SchemaViolation(name + ": unknown permission")));
        }
        return PermissionSet.of(out);
    }

    /** A ULID read from a body, normalised to upper case; malformed → 400 (SPEC 1.2). */
    static String ulid(String name, String raw) {
        return Ulid.parse(raw).orElseThrow(() -> new InvalidRequestException(name + " must be a ULID"));
    }

    /** An integer the command holds as {@code int}: out-of-range values saturate so the use case rejects them (400). */
    static int saturatedInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
