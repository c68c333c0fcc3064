package org.rectify.ledger;

import jakarta.persistence.PrePersist;
import org.rectify.base.Today;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stamps a new measure with the day it entered the portal, by the application's clock (see {@link Today}), however
 * it is created: typed in, imported, carried over. Hibernate asks Spring's bean container for this listener, which
 * injects the clock, as for the revision listener.
 */
public class MeasureCreation {

    private Today today;

    @Autowired
    public void setToday(Today today) {
        this.today = today;
    }

    @PrePersist
    void stamp(Measure measure) {
        if (today == null) {
            throw new IllegalStateException("The measure listener was not created by Spring: no clock");
        }
        measure.stampCreated(today.date());
    }
}
