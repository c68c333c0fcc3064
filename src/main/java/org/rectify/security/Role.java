package org.rectify.security;

import org.rectify.base.domain.Labelled;

/** What a login may do. The names double as Spring Security roles ("ROLE_OFFICE", …). */
public enum Role implements Labelled {
    /** 管理员 / 党委办公室: everything. */
    OFFICE,
    /** 领导: sees everything, acts on the items they lead. */
    LEADER,
    /** 单位联络员: sees and updates only the items of their unit and its sub-units. */
    UNIT_CONTACT,
    /** 党员: sees only the public disclosure page. */
    MEMBER;

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final String OFFICE_NAME = "OFFICE";
    public static final String LEADER_NAME = "LEADER";
    public static final String UNIT_CONTACT_NAME = "UNIT_CONTACT";
    public static final String MEMBER_NAME = "MEMBER";

    @Override
    public String messagePrefix() {
        return "role";
    }
}
