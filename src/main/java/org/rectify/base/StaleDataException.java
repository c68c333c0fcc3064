package org.rectify.base;

/** Someone else saved the same item first: nothing was overwritten; the user reloads and tries again. */
public class StaleDataException extends RuntimeException implements UserMessage {

    public StaleDataException() {
        super("error.stale");
    }

    @Override
    public String messageKey() {
        return "error.stale";
    }

    @Override
    public Object[] messageArgs() {
        return new Object[0];
    }
}
