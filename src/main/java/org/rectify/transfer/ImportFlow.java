package org.rectify.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One kind of Excel import (a meeting's ledger, the organization's units and people) as the import dialog drives
 * it: check a file without saving, then import what the check found.
 *
 * @param <P> the preview the check returns, handed back to {@link #commit}
 */
public interface ImportFlow<P> {

    /** A line of text for the user: a message key and its arguments. */
    record Line(String key, Object... args) {
    }

    /** What a preview or an import says. */
    record Summary(List<Line> lines, List<ImportIssue> issues, List<MissingReference> missing, boolean hasErrors,
                   int workUnits) {
    }

    /** The office's choices: create what is missing; import the valid rows only. */
    record Choices(boolean createMissing, boolean validRowsOnly) {
    }

    /**
     * Called in the UI before each check: a flow takes the office's choices from the dialog's fields here, so that
     * the background work (and the import after the preview) uses exactly what the preview showed.
     */
    default void takeOptions() {
    }

    /** Reads and checks the file; saves nothing. */
    P preview(Path file, Choices choices);

    Summary summarize(P preview);

    /** Imports what the preview found, all or nothing unless the valid rows only are chosen. */
    Summary commit(P preview, Choices choices, IntConsumer progress);

    /** The file size the flow accepts. */
    long maxBytes();
}
