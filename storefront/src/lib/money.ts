// Money as the APIs send it: integer minor units and an ISO 4217 currency ({"amount": 1999, "currency": "EUR"}).

export interface Money {
  amount: number;
  currency: string;
}

/** The shop's locale for prices and dates: an Irish-English euro shop unless the page says otherwise. */
export const SHOP_LOCALE = "en-IE";

const formats = new Map<string, Intl.NumberFormat>();

function format(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, found);
  }
  return found;
}

/** How many minor units a currency has: 2 for EUR (cents), 0 for JPY. */
export function fractionDigits(currency: string, locale = SHOP_LOCALE): number {
  return format(currency, locale).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units to a price a shopper reads: 12999 EUR becomes "€129.99". */
export function formatPrice(money: Money, locale = SHOP_LOCALE): string {
  return format(money.currency, locale).format(money.amount / 10 ** fractionDigits(money.currency));
}

/** Minor units to a price without the cents when there are none: 2500 EUR becomes "€25". */
export function formatWholePrice(amount: number, currency: string, locale = SHOP_LOCALE): string {
  const digits = fractionDigits(currency, locale);
  const major = amount / 10 ** digits;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: Number.isInteger(major) ? 0 : digits,
  }).format(major);
}

/** What a shopper typed ("25", "25.50", "25,5") as minor units, or undefined when it is not an amount. */
export function toMinorUnits(text: string, currency: string): number | undefined {
  const cleaned = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) {
    return undefined;
  }
  return Math.round(Number(cleaned) * 10 ** fractionDigits(currency));
}

/** Minor units as the plain number a price input shows: 2500 EUR becomes "25", 2550 becomes "25.5". */
export function toMajorText(amount: number | undefined, currency: string): string {
  if (amount === undefined) {
    return "";
  }
  return String(amount / 10 ** fractionDigits(currency));
}

export function sameMoney(a: Money | undefined, b: Money | undefined): boolean {
  return !!a && !!b && a.amount === b.amount && a.currency === b.currency;
}
