import { ImageRef } from "../lib/catalog";
import { srcSetOf } from "../lib/images";
import { usePageLoaded } from "../lib/pageLoad";

/**
 * A product picture in every width the catalog has (srcset + sizes), lazily loaded, with its width and height so
 * the page does not jump when it arrives; a neutral placeholder when the product has no picture. A picture that
 * is not {@code eager} asks for its file only after the page's first load, so the first screen's pictures get the
 * connection to themselves.
 */
export function ProductImage({
  image,
  alt,
  sizes,
  eager = false,
  className,
}: {
  image: ImageRef | null | undefined;
  alt: string;
  sizes: string;
  eager?: boolean;
  className?: string;
}) {
  if (!image?.url) {
    return (
      <div
        className={`image-placeholder${className ? ` ${className}` : ""}`}
        role={alt ? "img" : undefined}
        aria-label={alt ? `${alt}: no picture yet` : undefined}
        aria-hidden={alt ? undefined : true}
      >
        <svg viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
          <path
            d="M8 12h32v24H8z M8 30l9-9 7 7 5-5 11 11"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
          <circle cx="31" cy="19" r="3" fill="currentColor" />
        </svg>
      </div>
    );
  }
  return <Picture image={image} alt={alt} sizes={sizes} eager={eager} className={className} />;
}

function Picture({
  image,
  alt,
  sizes,
  eager,
  className,
}: {
  image: ImageRef;
  alt: string;
  sizes: string;
  eager: boolean;
  className?: string;
}) {
  const pageLoaded = usePageLoaded();
  const waiting = !eager && !pageLoaded;
  const srcSet = srcSetOf(image);
  return (
    <img
      className={`product-image${className ? ` ${className}` : ""}`}
      src={waiting ? undefined : image.url}
      srcSet={waiting ? undefined : srcSet}
      sizes={srcSet && !waiting ? sizes : undefined}
      width={image.width ?? 600}
      height={image.height ?? 600}
      alt={image.alt || alt}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      fetchPriority={eager ? "high" : undefined}
    />
  );
}
