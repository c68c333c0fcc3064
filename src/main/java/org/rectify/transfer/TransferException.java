package org.rectify.transfer;

import org.rectify.base.InvalidActionException;

/** A file that cannot be read as a ledger: said in the user's words, never as a stack trace. */
public class TransferException extends InvalidActionException {

    public TransferException(String key, Object... args) {
        super(key, args);
    }
}
