package org.rectify.base;

/** The request cannot be carried out as asked: a wrong state, contradictory or missing input. */
public class InvalidActionException extends RuntimeException implements UserMessage {

    private final String key;
    private final Object[] args;

    public InvalidActionException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    @Override
    public String messageKey() {
        return key;
    }

    @Override
    public Object[] messageArgs() {
        return args;
    }
}
