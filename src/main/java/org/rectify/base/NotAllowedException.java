package org.rectify.base;

import org.springframework.security.access.AccessDeniedException;

/** The actor may not see or do this: refused in the service layer, whatever the UI showed. */
public class NotAllowedException extends AccessDeniedException implements UserMessage {

    private final String key;
    private final Object[] args;

    public NotAllowedException(String key, Object... args) {
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
