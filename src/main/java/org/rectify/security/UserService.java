package org.rectify.security;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rectify.base.InvalidActionException;
import org.rectify.base.MessageKey;
import org.rectify.base.NotAllowedException;
import org.rectify.base.Texts;
import org.rectify.base.Today;
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
    private final LoginThrottle throttle;
    private final LoginEventRepository loginEvents;
    private final Today today;

    public UserService(UserAccountRepository accounts, PersonRepository people, UnitRepository units,
            PasswordEncoder encoder, CurrentUser currentUser, Validator validator, LoginSessions sessions,
            LoginThrottle throttle, LoginEventRepository loginEvents, Today today) {
        this.sessions = sessions;
        this.throttle = throttle;
        this.loginEvents = loginEvents;
        this.today = today;
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
        String username = Texts.strip(draft.username());
        if (accounts.existsByUsername(username)) {
            throw new InvalidActionException("user.exists", username);
        }
        UserAccount account = new UserAccount(username, encoder.encode(password),
                Texts.strip(draft.displayName()), draft.role(), person(draft), unit(draft));
        validate(account);
        return accounts.save(account);
    }

    public UserAccount update(long id, int expectedVersion, UserDraft draft) {
        requireOffice();
        UserAccount account = load(id, expectedVersion);
        if (account.getId().equals(currentUser.require().userId()) && draft.role() != Role.OFFICE) {
            throw new InvalidActionException("user.cannotDemoteSelf");
        }
        account.assign(Texts.strip(draft.displayName()), draft.role(), person(draft), unit(draft));
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

    /** Locked now by too many wrong passwords (用户管理 shows it and offers 解锁). */
    public boolean isLocked(UserAccount account) {
        return account.isLocked(today.now());
    }

    /** Lifts a lock after too many wrong passwords before its time, and starts the count afresh. */
    public void unlock(long id) {
        requireOffice();
        accounts.findById(id).orElseThrow(() -> new InvalidActionException("user.notFound"));
        throttle.unlock(id);
    }

    /** 登录日志, newest first: {@code text} matches the login or the address, {@code outcome} may be null. */
    @Transactional(readOnly = true)
    public List<LoginEvent> loginEvents(String text, LoginEvent.Outcome outcome, int page, int pageSize) {
        requireOffice();
        String t = Texts.orNull(text);
        return loginEvents.search(t == null ? null : t.toLowerCase(java.util.Locale.ROOT), outcome,
                org.springframework.data.domain.PageRequest.of(page, pageSize));
    }

    /** Sets a new random password and returns it, to be handed to the user once. */
    public String resetPassword(long id, int expectedVersion) {
        requireOffice();
        UserAccount account = load(id, expectedVersion);
        String password = randomPassword();
        account.setPasswordHash(encoder.encode(password));
        account.setMustChangePassword(true);
        sessions.expire(account.getUsername());
        return password;
    }

    /** For the one-time setup of a new installation: the first office login, when there is no login at all. */
    public boolean createFirstAdmin(String username, String password, String displayName) {
        if (accounts.count() > 0) {
            return false;
        }
        checkPassword(password);
        UserAccount admin = new UserAccount(Texts.strip(username), encoder.encode(password),
                Texts.strip(displayName), Role.OFFICE, null, null);
        validate(admin);
        accounts.save(admin);
        return true;
    }

    /** One login to create for a person: the role, and the username the office accepted or typed. */
    public record NewLogin(long personId, String username, Role role) {
    }

    /** A created login and its initial password, to be handed to its owner once. */
    public record Credentials(String username, String displayName, String unit, String password) {
    }

    /**
     * Logins for many people in one step (e.g. every unit's contact), all or none: a contact login sees the
     * person's unit, a leader login the items the person leads. Each gets a random initial password that must be
     * changed at the first login.
     */
    public List<Credentials> createLogins(List<NewLogin> requests) {
        requireOffice();
        Set<String> names = new java.util.HashSet<>();
        List<Credentials> created = new ArrayList<>();
        for (NewLogin r : requests) {
            Person person = people.findById(r.personId())
                    .orElseThrow(() -> new InvalidActionException("person.notFound"));
            String username = Texts.strip(r.username());
            if (!names.add(username.toLowerCase(java.util.Locale.ROOT))
                    || accounts.existsByUsername(username)) {
                throw new InvalidActionException("user.exists", username);
            }
            if (!person.isActive()) {
                throw new InvalidActionException("user.personInactive", person.getName());
            }
            if (r.role() == Role.LEADER && !person.isCommitteeMember()) {
                throw new InvalidActionException("user.leaderNotCommittee", person.getName());
            }
            if (!accounts.findByPersonId(person.getId()).isEmpty()) {
                throw new InvalidActionException("user.personHasLogin", person.getName());
            }
            String password = randomPassword();
            UserAccount account = new UserAccount(username, encoder.encode(password), person.getName(), r.role(),
                    person, r.role() == Role.UNIT_CONTACT ? person.getUnit() : null);
            account.setMustChangePassword(true);
            validate(account);
            accounts.save(account);
            created.add(new Credentials(username, person.getName(), person.getUnit().getName(), password));
        }
        return created;
    }

    /**
     * A login name for a person: the mailbox name of their address, else their phone number, else "user" and
     * their number; never one in {@code taken} or already in use.
     */
    @Transactional(readOnly = true)
    public String suggestUsername(Person person, Set<String> taken) {
        requireOffice();
        String base = null;
        if (person.getEmail() != null && person.getEmail().contains("@")) {
            base = person.getEmail().substring(0, person.getEmail().indexOf('@')).replaceAll("[^A-Za-z0-9._-]", "");
        }
        if ((base == null || base.length() < 2) && person.getPhone() != null) {
            base = person.getPhone().replaceAll("[^0-9]", "");
        }
        if (base == null || base.length() < 2) {
            base = "user" + person.getId();
        }
        base = base.length() > 45 ? base.substring(0, 45) : base;
        String candidate = base;
        for (int n = 2; taken.contains(candidate.toLowerCase(java.util.Locale.ROOT))
                || accounts.existsByUsername(candidate); n++) {
            candidate = base + n;
        }
        return candidate;
    }

    /** The logins of these people, by person id. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, UserAccount> loginsOf(java.util.Collection<Long> personIds) {
        requireOffice();
        java.util.Map<Long, UserAccount> byPerson = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            accounts.findByPersonIdIn(personIds).forEach(a -> byPerson.put(a.getPerson().getId(), a));
        }
        return byPerson;
    }

    /**
     * A person moved to another unit: their contact logins scoped to the old unit follow them, and their sessions
     * end so that the new scope applies at once.
     */
    public void moveContactLogins(long personId, long fromUnitId, long toUnitId) {
        requireOffice();
        Unit to = units.findById(toUnitId).orElseThrow();
        for (UserAccount a : accounts.findByPersonId(personId)) {
            if (a.getRole() == Role.UNIT_CONTACT && a.getUnit() != null && a.getUnit().getId() == fromUnitId) {
                a.assign(a.getDisplayName(), Role.UNIT_CONTACT, a.getPerson(), to);
                validate(a);
                sessions.expire(a.getUsername());
            }
        }
    }

    /** A person who leaves: their logins are disabled and their sessions ended. Returns how many. */
    public int disableLoginsOf(long personId) {
        requireOffice();
        int n = 0;
        for (UserAccount a : accounts.findByPersonId(personId)) {
            if (a.isEnabled() && !a.getId().equals(currentUser.require().userId())) {
                a.setEnabled(false);
                sessions.expire(a.getUsername());
                n++;
            }
        }
        return n;
    }

    /**
     * The user changes their own password (at the first login, or whenever they wish): the current one must be
     * right, the new one long enough and different. The session continues with the new state.
     */
    public void changeOwnPassword(String current, String next) {
        Actor actor = currentUser.require();
        UserAccount account = accounts.findById(actor.userId())
                .orElseThrow(() -> new InvalidActionException("user.notFound"));
        if (current == null || !encoder.matches(current, account.getPasswordHash())) {
            throw new InvalidActionException("password.currentWrong");
        }
        checkPassword(next);
        if (encoder.matches(next, account.getPasswordHash())) {
            throw new InvalidActionException("password.same");
        }
        account.setPasswordHash(encoder.encode(next));
        account.setMustChangePassword(false);
        RectifyUser updated = new RectifyUser(actor, account.getPasswordHash(), true, false);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(updated, null,
                        updated.getAuthorities()));
    }

    private static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            password.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return password.toString();
    }

    private UserAccount load(long id, int expectedVersion) {
        UserAccount account = accounts.findById(id).orElseThrow(() -> new InvalidActionException("user.notFound"));
        if (account.getVersion() != expectedVersion) {
            throw new org.rectify.base.StaleDataException();
        }
        return account;
    }

    private Person person(UserDraft draft) {
        if (draft.personId() == null) {
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
        // Texts, not String.isBlank: a zero-width or no-break space alone is no name.
        if (Texts.isBlank(username)) {
            throw new InvalidActionException("validation.required", MessageKey.of("users.username"));
        }
        if (username.length() < 2 || username.length() > 50 || !username.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidActionException("user.usernamePattern");
        }
        if (Texts.isBlank(account.getDisplayName())) {
            throw new InvalidActionException("validation.required", MessageKey.of("users.displayName"));
        }
        if (Texts.length(account.getDisplayName()) > 50) {
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
        if (account.getRole() == Role.LEADER && !account.getPerson().isCommitteeMember()) {
            throw new InvalidActionException("user.leaderNotCommittee", account.getPerson().getName());
        }
        if (account.getRole() == Role.UNIT_CONTACT && account.getUnit().getParent() == null) {
            throw new InvalidActionException("user.contactAtTop");
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

    private void requireOffice() {
        if (!currentUser.require().is(Role.OFFICE)) {
            throw new NotAllowedException("access.officeOnly");
        }
    }
}
