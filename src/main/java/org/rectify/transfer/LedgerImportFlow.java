package org.rectify.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.rectify.transfer.LedgerImportService.Options;
import org.rectify.transfer.LedgerImportService.Preview;

/** The ledger import of one meeting, as the import dialog drives it. */
public final class LedgerImportFlow implements ImportFlow<Preview> {

    private final LedgerImportService service;
    private final long meetingId;
    private final Supplier<Options> defaults;
    private volatile Options taken = Options.defaults();

    /** @param defaults the office's defaults (source, category) as the dialog's fields hold them at each step */
    public LedgerImportFlow(LedgerImportService service, long meetingId, Supplier<Options> defaults) {
        this.service = service;
        this.meetingId = meetingId;
        this.defaults = defaults;
    }

    @Override
    public void takeOptions() {
        taken = defaults.get();
    }

    private Options options(Choices choices) {
        Options d = taken;
        return new Options(choices.createMissing(), choices.validRowsOnly(), d.defaultSource(),
                d.defaultCategoryId());
    }

    @Override
    public Preview preview(Path file, Choices choices) {
        return service.preview(meetingId, file, options(choices));
    }

    @Override
    public Summary summarize(Preview p) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("import.ledger.sheet", p.sheetName(), p.headerRow()));
        lines.add(new Line("import.ledger.counts", p.problems(), p.measures()));
        if (p.existing() > 0) {
            lines.add(new Line("import.ledger.existing", p.existing()));
        }
        if (p.invalidRows() > 0) {
            lines.add(new Line("import.ledger.invalid", p.invalidRows()));
        }
        return new Summary(lines, p.issues(), p.missing(), p.hasErrors(), p.workUnits());
    }

    @Override
    public Summary commit(Preview p, Choices choices, IntConsumer progress) {
        LedgerImportService.Result r = service.commit(p, options(choices), progress);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("import.ledger.imported", r.problems(), r.measures()));
        if (r.existing() > 0) {
            lines.add(new Line("import.ledger.existing", r.existing()));
        }
        if (r.skippedInvalid() > 0) {
            lines.add(new Line("import.ledger.skipped", r.skippedInvalid()));
        }
        if (r.createdReferences() > 0) {
            lines.add(new Line("import.created", r.createdReferences()));
        }
        return new Summary(lines, List.of(), List.of(), false, r.problems());
    }

    @Override
    public long maxBytes() {
        return service.maxBytes();
    }
}
