package org.mercato.user.interfaces;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.mercato.platform.json.Visible;
import org.mercato.user.domain.Account;
import org.mercato.user.domain.PasswordPolicy;

/**
 * The JSON bodies the users API accepts, each validated before any use case runs. Classes with public fields,
 * not records: Payara's OpenAPI generator fails on validation annotations of record constructor parameters.
 */
public final class AccountRequests {

    private AccountRequests() {
    }

    public static final class Register {
        /** The domain's one rule for emails (EmailAddress: stripped, no invisible character, its shape). */
        @NotBlank
        @Size(max = 320)
        @ValidEmail
        public String email;
        @NotNull
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
        public String password;
        @NotBlank
        @Visible
        @Size(max = 200)
        public String name;
    }

    public static final class CreateStaff {
        /** The domain's one rule for emails (EmailAddress: stripped, no invisible character, its shape). */
        @NotBlank
        @Size(max = 320)
        @ValidEmail
        public String email;
        @NotNull
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
        public String password;
        @NotBlank
        @Visible
        @Size(max = 200)
        public String name;
        @NotEmpty
        public Set<@NotNull @Pattern(regexp = "staff|admin") String> roles;
    }

    /** Why staff lock an account: shown to staff only, never to the account's owner. */
    public static final class Lock {
        @NotBlank
        @Visible
        @Size(max = Account.MAX_LOCK_REASON_LENGTH)
        public String reason;
    }

    /** A staff account's roles: {@code staff}, and {@code admin} when it administers (staff is always kept). */
    public static final class StaffRoles {
        @NotEmpty
        public Set<@NotNull @Pattern(regexp = "staff|admin") String> roles;
    }

    /** The password an admin sets for someone else's account (the registration rules). */
    public static final class SetPassword {
        @NotNull
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
        public String password;
    }

    public static final class Rename {
        @NotBlank
        @Visible
        @Size(max = 200)
        public String name;
    }

    public static final class ChangePassword {
        @NotNull
        @Size(max = PasswordPolicy.MAX_LENGTH)
        public String currentPassword;
        @NotNull
        @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH)
        public String newPassword;
    }

    public static final class Login {
        @NotBlank
        @Size(max = 254)
        public String email;
        @NotNull
        @Size(max = PasswordPolicy.MAX_LENGTH)
        public String password;
    }

    /** Address JSON as DESIGN §5 fixes it. */
    public static final class AddressBody {
        @NotBlank
        @Visible
        @Size(max = 200)
        public String name;
        @NotBlank
        @Visible
        @Size(max = 200)
        public String line1;
        @Size(max = 200)
        public String line2;
        @NotBlank
        @Visible
        @Size(max = 100)
        public String city;
        @NotBlank
        @Visible
        @Size(max = 20)
        public String postalCode;
        @NotBlank
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 country code")
        public String country;
    }
}
