package org.rectify.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A setting the office changes in the portal. */
@Entity
@Table(name = "app_setting")
public class AppSetting {

    @Id
    @Column(name = "setting_name")
    private String name;

    @Column(name = "setting_value")
    private String value;

    @Version
    private int version;

    protected AppSetting() {
    }

    AppSetting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    String getValue() {
        return value;
    }

    void setValue(String value) {
        this.value = value;
    }
}
