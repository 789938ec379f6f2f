package org.mercato.user.interfaces;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.mercato.user.domain.PasswordPolicy;

/** The JSON bodies the users API accepts, each validated before any use case runs. */
public final class AccountRequests {

    private AccountRequests() {
    }

    public record Register(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
            @NotBlank @Size(max = 200) String name) {
    }

    public record CreateStaff(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String password,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty Set<@NotNull @Pattern(regexp = "staff|admin") String> roles) {
    }

    public record Rename(@NotBlank @Size(max = 200) String name) {
    }

    public record ChangePassword(
            @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String currentPassword,
            @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = PasswordPolicy.MAX_LENGTH) String newPassword) {
    }

    public record Login(@NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = PasswordPolicy.MAX_LENGTH) String password) {
    }

    /** Address JSON as DESIGN §5 fixes it. */
    public record AddressBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 20) String postalCode,
            @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 alpha-2 country code") String country) {
    }
}
