// The shopper's account: name, password and address book (users service, /users/api/accounts/me).
import { request } from "./http";
import { Account, api } from "./session";

export interface Address {
  id?: string;
  name: string;
  line1: string;
  line2?: string | null;
  city: string;
  postalCode: string;
  /** ISO 3166 alpha-2 */
  country: string;
}

export function register(email: string, password: string, name: string): Promise<Account> {
  return request<Account>("/users/api/accounts", {
    method: "POST",
    body: { email, password, name },
  });
}

export function rename(name: string): Promise<Account> {
  return api<Account>("/users/api/accounts/me", {
    method: "PATCH",
    body: { name },
    auth: "required",
  });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api<void>("/users/api/accounts/me/password", {
    method: "PUT",
    body: { currentPassword, newPassword },
    auth: "required",
  });
}

export function listAddresses(): Promise<Address[]> {
  return api<Address[]>("/users/api/accounts/me/addresses", { auth: "required" });
}

/** The address as the APIs take it: no id, no empty second line. */
export function postal(address: Address): Omit<Address, "id"> {
  return {
    name: address.name.trim(),
    line1: address.line1.trim(),
    line2: address.line2?.trim() ? address.line2.trim() : null,
    city: address.city.trim(),
    postalCode: address.postalCode.trim(),
    country: address.country,
  };
}

export function addAddress(address: Address): Promise<Address> {
  return api<Address>("/users/api/accounts/me/addresses", {
    method: "POST",
    body: postal(address),
    auth: "required",
  });
}

export function updateAddress(id: string, address: Address): Promise<Address> {
  return api<Address>(`/users/api/accounts/me/addresses/${encodeURIComponent(id)}`, {
    method: "PUT",
    body: postal(address),
    auth: "required",
  });
}

export function deleteAddress(id: string): Promise<void> {
  return api<void>(`/users/api/accounts/me/addresses/${encodeURIComponent(id)}`, {
    method: "DELETE",
    auth: "required",
  });
}

/** One line for an address: "Ada Lovelace, 1 Main St, 10115 Berlin, Germany". */
export function addressLine(address: Address): string {
  return [
    address.name,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`,
    countryName(address.country),
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * The countries the shop ships to (order-war's mercato.orders.tax-rates): an address elsewhere is refused when
 * ordering (country-not-served).
 */
// prettier-ignore
export const SHIPPING_COUNTRIES = [
  "AT", "AU", "BE", "CA", "CH", "CZ", "DE", "DK", "ES", "FI", "FR", "GB", "GR", "HU", "IE", "IT", "JP", "LU",
  "NL", "NO", "NZ", "PL", "PT", "SE", "US",
];

let names: Intl.DisplayNames | null | undefined;

export function countryName(code: string): string {
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(["en"], { type: "region" });
    } catch {
      names = null;
    }
  }
  return names?.of(code) ?? code;
}

/** The shipping countries sorted by name, for a select. */
export function countryOptions(): { code: string; name: string }[] {
  return SHIPPING_COUNTRIES.map((code) => ({ code, name: countryName(code) })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}
