package org.rectify.base.domain;

/**
 * A code list whose values are shown to users. The label comes from the message bundles under
 * {@code <prefix>.<CONSTANT>}, and the URL/API code is the lower-case constant name.
 */
public interface Labelled {

    String name();

    /** Message key prefix, e.g. {@code status}. */
    String messagePrefix();

    default String messageKey() {
        return messagePrefix() + "." + name();
    }

    default String code() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses a code as written in a URL; case-insensitive, accepts '-' or '_'. */
    static <E extends Enum<E> & Labelled> java.util.Optional<E> fromCode(Class<E> type, String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        String normalized = code.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normalized)) {
                return java.util.Optional.of(e);
            }
        }
        return java.util.Optional.empty();
    }
}
