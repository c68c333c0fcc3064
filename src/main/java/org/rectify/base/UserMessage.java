package org.rectify.base;

/**
 * An exception whose message is meant for the user: a message-bundle key and its arguments, translated by the
 * UI into the user's language.
 */
public interface UserMessage {

    String messageKey();

    Object[] messageArgs();
}
