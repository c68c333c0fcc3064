package org.rectify.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.rectify.transfer.OrgImportService.Preview;

/** The import of units and people, as the import dialog drives it. */
public final class OrgImportFlow implements ImportFlow<Preview> {

    private final OrgImportService service;

    public OrgImportFlow(OrgImportService service) {
        this.service = service;
    }

    @Override
    public Preview preview(Path file, Choices choices) {
        return service.preview(file);
    }

    @Override
    public Summary summarize(Preview p) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("import.org.units", p.newUnits(), p.changedUnits()));
        lines.add(new Line("import.org.people", p.newPeople(), p.changedPeople()));
        if (p.unchanged() > 0) {
            lines.add(new Line("import.org.unchanged", p.unchanged()));
        }
        return new Summary(lines, p.issues(), List.of(), p.hasErrors(), p.workUnits());
    }

    @Override
    public Summary commit(Preview p, Choices choices, IntConsumer progress) {
        OrgImportService.Result r = service.commit(p, choices.validRowsOnly(), progress);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("import.org.done", r.units(), r.people()));
        if (r.skipped() > 0) {
            lines.add(new Line("import.ledger.skipped", r.skipped()));
        }
        return new Summary(lines, List.of(), List.of(), false, r.units() + r.people());
    }

    @Override
    public long maxBytes() {
        return service.maxBytes();
    }
}
