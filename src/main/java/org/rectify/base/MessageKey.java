package org.rectify.base;

/** An argument of a {@link UserMessage} that is itself a message key, translated along with the message. */
public record MessageKey(String key) {

    public static MessageKey of(String key) {
        return new MessageKey(key);
    }
}
