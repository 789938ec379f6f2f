import { Address, countryOptions } from "../lib/account";

export const EMPTY_ADDRESS: Address = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  country: "DE",
};

/** The fields of a postal address (DESIGN §5), labelled and with the browser's autofill hints. */
export function AddressFields({
  idPrefix,
  value,
  onChange,
  disabled,
}: {
  idPrefix: string;
  value: Address;
  onChange: (address: Address) => void;
  disabled?: boolean;
}) {
  const field = (name: keyof Address) => ({
    id: `${idPrefix}-${name}`,
    name,
    value: (value[name] as string | null | undefined) ?? "",
    disabled,
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value }),
  });
  return (
    <div className="address-fields">
      <div className="field wide">
        <label htmlFor={`${idPrefix}-name`}>Full name</label>
        <input {...field("name")} required maxLength={200} autoComplete="name" />
      </div>
      <div className="field wide">
        <label htmlFor={`${idPrefix}-line1`}>Street and number</label>
        <input {...field("line1")} required maxLength={200} autoComplete="address-line1" />
      </div>
      <div className="field wide">
        <label htmlFor={`${idPrefix}-line2`}>
          Apartment, floor, etc. <span className="optional">(optional)</span>
        </label>
        <input {...field("line2")} maxLength={200} autoComplete="address-line2" />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-postalCode`}>Postal code</label>
        <input {...field("postalCode")} required maxLength={20} autoComplete="postal-code" />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-city`}>City</label>
        <input {...field("city")} required maxLength={100} autoComplete="address-level2" />
      </div>
      <div className="field wide">
        <label htmlFor={`${idPrefix}-country`}>Country</label>
        <select {...field("country")} required autoComplete="country">
          {countryOptions().map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
