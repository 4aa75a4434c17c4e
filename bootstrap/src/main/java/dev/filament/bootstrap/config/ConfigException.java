package dev.filament.bootstrap.config;

/** An invalid configuration value; the message names the variable (and, for lists, the 1-based entry). */
public final class ConfigException extends RuntimeException {
    private final String variable;

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
