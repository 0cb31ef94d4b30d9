package dev.taskline.bootstrap;

/** A configuration value is missing or unsafe; the message names the variable and what it needs. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
