package org.rectify.transfer;

import java.nio.file.Path;

/** Test access to the streaming reader from other packages: the rows of a workbook's first sheet. */
public final class WorkbookReaderAccess {

    private WorkbookReaderAccess() {
    }

    public static int rows(Path file, int maxRows) {
        return WorkbookReader.read(file, maxRows).get(0).rowCount();
    }
}
