// Choosing a variant from the variants' attributes (size, colour, ...): the options per attribute, which of them
// exist together, and the variant a full choice points to.
import { ImageRef, Variant } from "./catalog";

export interface VariantOption {
  name: string;
  values: string[];
}

/** The attributes the variants differ in, each with its values in the catalog's order. */
export function variantOptions(variants: Variant[]): VariantOption[] {
  const names: string[] = [];
  const values = new Map<string, string[]>();
  for (const variant of variants) {
    for (const [name, value] of Object.entries(variant.attributes)) {
      if (!values.has(name)) {
        names.push(name);
        values.set(name, []);
      }
      const known = values.get(name)!;
      if (!known.includes(value)) {
        known.push(value);
      }
    }
  }
  // an attribute every variant shares with one value is not a choice
  return names
    .map((name) => ({ name, values: values.get(name)! }))
    .filter((option) => option.values.length > 1 || variants.length === 1);
}

export type Selection = Record<string, string>;

function matches(variant: Variant, selection: Selection): boolean {
  return Object.entries(selection).every(([name, value]) => variant.attributes[name] === value);
}

/** The variant a selection points to: the only one matching every chosen option, else undefined. */
export function findVariant(variants: Variant[], selection: Selection): Variant | undefined {
  if (variants.length === 1) {
    return variants[0];
  }
  const options = variantOptions(variants);
  if (options.some((o) => !selection[o.name])) {
    return undefined;
  }
  return variants.find((v) => matches(v, selection));
}

/** Whether choosing name=value (keeping the other choices) leads to a variant that exists. */
export function optionExists(
  variants: Variant[],
  selection: Selection,
  name: string,
  value: string,
): boolean {
  const wanted = { ...selection, [name]: value };
  return variants.some((v) => matches(v, wanted));
}

/**
 * The choice after picking name=value: the other choices are kept when such a variant exists, else those that
 * conflict are dropped (picking a colour that has no size M forgets M).
 */
export function choose(variants: Variant[], selection: Selection, name: string, value: string) {
  const next: Selection = { ...selection, [name]: value };
  if (variants.some((v) => matches(v, next))) {
    return next;
  }
  const kept: Selection = { [name]: value };
  for (const [other, chosen] of Object.entries(selection)) {
    if (other !== name && variants.some((v) => matches(v, { ...kept, [other]: chosen }))) {
      kept[other] = chosen;
    }
  }
  return kept;
}

/** The selection that shows one variant (e.g. from ?sku= in the URL). */
export function selectionOf(variant: Variant | undefined): Selection {
  return variant ? { ...variant.attributes } : {};
}

/** The pictures to show for a variant: its own first, then the product's general ones. */
export function imagesFor(images: ImageRef[], sku: string | undefined): ImageRef[] {
  if (!sku) {
    return images;
  }
  const own = images.filter((i) => i.sku === sku);
  const general = images.filter((i) => !i.sku);
  const shown = [...own, ...general];
  return shown.length > 0 ? shown : images;
}
