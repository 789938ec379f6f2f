import { Link } from "react-router";
import { ProductHit } from "../lib/catalog";
import { CARD_SIZES } from "../lib/images";
import { paths } from "../paths";
import { ProductImage } from "./ProductImage";
import { Price } from "./ui";

/**
 * How many cards of a grid a first screen shows: two rows of two on a phone (412 x 823 px), the first row of four
 * on a desktop. Their pictures load at once; the others wait for the page's load (ProductImage).
 */
export const FIRST_SCREEN_CARDS = 4;

export function ProductCard({ hit, eager = false }: { hit: ProductHit; eager?: boolean }) {
  return (
    <li className="product-card">
      <Link to={paths.product(hit.slug)} className="product-card-link">
        <ProductImage image={hit.image} alt="" sizes={CARD_SIZES} eager={eager} />
        <span className="product-card-body">
          {hit.brand && <span className="product-brand">{hit.brand}</span>}
          <span className="product-name">{hit.name}</span>
          <Price money={hit.price} />
          {hit.inStock === false && <span className="stock-badge out">Out of stock</span>}
        </span>
      </Link>
    </li>
  );
}
