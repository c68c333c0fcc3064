package org.rectify.security;

import java.io.Serializable;

/**
 * Who is acting: the logged-in user as the services see it. Kept small and serializable because it lives in
 * the HTTP session as the Spring Security principal's payload.
 *
 * @param userId   the login's id
 * @param personId the committee member a leader stands for; may be set for others too
 * @param unitId   the unit a contact is scoped to
 */
public record Actor(long userId, String username, String displayName, Role role, Long personId, Long unitId)
        implements Serializable {

    public boolean is(Role r) {
        return role == r;
    }
}
