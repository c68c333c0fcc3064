package org.rectify.security;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.rectify.base.InvalidActionException;
import org.rectify.base.MessageKey;
import org.rectify.base.NotAllowedException;
import org.rectify.org.Person;
import org.rectify.org.PersonRepository;
import org.rectify.org.Unit;
import org.rectify.org.UnitRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The office's administration of logins: create, change role and unit, disable, reset the password. */
@Service
@Transactional
public class UserService {

    static final int MIN_PASSWORD = 8;
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final PersonRepository people;
    private final UnitRepository units;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final Validator validator;
    private final LoginSessions sessions;

    public UserService(UserAccountRepository accounts, PersonRepository people, UnitRepository units,
            PasswordEncoder encoder, CurrentUser currentUser, Validator validator, LoginSessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.people = people;
        this.units = units;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.validator = validator;
    }

    /** What the form sends: for a contact the unit, for a leader the committee member. */
    public record UserDraft(String username, String displayName, Role role, Long personId, Long unitId) {
    }

    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        requireOffice();
        return accounts.findAllByOrderByRoleAscUsernameAsc();
    }

    public UserAccount create(UserDraft draft, String password) {
        requireOffice();
        checkPassword(password);
        String username = draft.username() == null ? "" : draft.username().trim();
        if (accounts.existsByUsername(username)) {
            throw new InvalidActionException("user.exists", username);
        }
        UserAccount account = new UserAccount(username, encoder.encode(password), trim(draft.displayName()),
                draft.role(), person(draft), unit(draft));
        validate(account);
        return accounts.save(account);
    }

    public UserAccount update(long id, int expectedVersion, UserDraft draft) {
        requireOffice();
        UserAccount account = load(id, expectedVersion);
        if (account.getId().equals(currentUser.require().userId()) && draft.role() != Role.OFFICE) {
            throw new InvalidActionException("user.cannotDemoteSelf");
        }
        account.assign(trim(draft.displayName()), draft.role(), person(draft), unit(draft));
        validate(account);
        sessions.expire(account.getUsername());
        return account;
    }

    public UserAccount setEnabled(long id, int expectedVersion, boolean enabled) {
        requireOffice();
        UserAccount account = load(id, expectedVersion);
        if (!enabled && account.getId().equals(currentUser.require().userId())) {
            throw new InvalidActionException("user.cannotDisableSelf");
        }
        account.setEnabled(enabled);
        if (!enabled) {
            sessions.expire(account.getUsername());
        }
        return account;
    }

    /** Sets a new random password and returns it, to be handed to the user once. */
    public String resetPassword(long id, int expectedVersion) {
        requireOffice();
        UserAccount account = load(id, expectedVersion);
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        account.setPasswordHash(encoder.encode(password));
        sessions.expire(account.getUsername());
        return password.toString();
    }

    /** For the one-time setup of a new installation: the first office login, when there is no login at all. */
    public boolean createFirstAdmin(String username, String password, String displayName) {
        if (accounts.count() > 0) {
            return false;
        }
        checkPassword(password);
        UserAccount admin = new UserAccount(username.trim(), encoder.encode(password), displayName, Role.OFFICE,
                null, null);
        validate(admin);
        accounts.save(admin);
        return true;
    }

    private UserAccount load(long id, int expectedVersion) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> new InvalidActionException("user.notFound"));
        if (account.getVersion() != expectedVersion) {
            throw new org.rectify.base.StaleDataException();
        }
        return account;
    }

    private Person person(UserDraft draft) {
        if (draft.role() != Role.LEADER || draft.personId() == null) {
            return null;
        }
        return people.findById(draft.personId()).orElseThrow(() -> new InvalidActionException("user.personRequired"));
    }

    private Unit unit(UserDraft draft) {
        if (draft.role() != Role.UNIT_CONTACT || draft.unitId() == null) {
            return null;
        }
        return units.findById(draft.unitId()).orElseThrow(() -> new InvalidActionException("user.unitRequired"));
    }

    /** The rules, with messages in the user's language; Bean Validation on the entity is the safety net. */
    private void validate(UserAccount account) {
        String username = account.getUsername();
        if (username == null || username.isBlank()) {
            throw new InvalidActionException("validation.required", MessageKey.of("users.username"));
        }
        if (username.length() < 2 || username.length() > 50 || !username.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidActionException("user.usernamePattern");
        }
        if (account.getDisplayName() == null || account.getDisplayName().isBlank()) {
            throw new InvalidActionException("validation.required", MessageKey.of("users.displayName"));
        }
        if (account.getDisplayName().length() > 50) {
            throw new InvalidActionException("validation.tooLong", MessageKey.of("users.displayName"), 50);
        }
        if (account.getRole() == null) {
            throw new InvalidActionException("validation.required", MessageKey.of("users.role"));
        }
        if (account.getRole() == Role.UNIT_CONTACT && account.getUnit() == null) {
            throw new InvalidActionException("user.unitRequired");
        }
        if (account.getRole() == Role.LEADER && account.getPerson() == null) {
            throw new InvalidActionException("user.personRequired");
        }
        Set<ConstraintViolation<UserAccount>> violations = validator.validate(account);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidActionException("user.passwordTooShort", MIN_PASSWORD);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
