package org.rectify.orgadmin;

import org.rectify.base.NotAllowedException;
import org.rectify.security.Actor;
import org.rectify.security.CurrentUser;
import org.rectify.security.Role;
import org.springframework.stereotype.Component;

/** The organization's reference data is the party office's to keep: every method of this package asks here. */
@Component
class OfficeOnly {

    private final CurrentUser currentUser;

    OfficeOnly(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    Actor require() {
        Actor actor = currentUser.require();
        if (!actor.is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
        return actor;
    }
}
