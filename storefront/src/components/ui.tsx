// Small building blocks every page uses: page titles, messages, prices, loading states.
import { ReactNode, useEffect, useState } from "react";
import { useLocation } from "react-router";
import { formatPrice, Money } from "../lib/money";

/**
 * The page's title and description in the document head. The page server (ShopPages) puts a product's or a
 * category's head into the first HTML answer; as the shopper moves on in the app, the title and description follow
 * and a canonical link left from another page is dropped.
 */
export function usePageHead(title: string, description?: string) {
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = title ? `${title} · Mercato` : "Mercato";
    if (description) {
      let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = "description";
        document.head.append(meta);
      }
      meta.content = description;
    }
    const canonical = document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (canonical && new URL(canonical.href, window.location.href).pathname !== pathname) {
      canonical.remove();
    }
  }, [title, description, pathname]);
}

export function PageTitle({ title, description }: { title: string; description?: string }) {
  usePageHead(title, description);
  return null;
}

export function Price({ money, className }: { money: Money; className?: string }) {
  return <span className={className ? `price ${className}` : "price"}>{formatPrice(money)}</span>;
}

type Tone = "error" | "warning" | "info" | "success";

/** A message: errors are announced at once (role=alert), the rest politely (role=status). */
export function Notice({
  tone,
  title,
  children,
  className,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={`notice notice-${tone}${className ? ` ${className}` : ""}`}
      role={tone === "error" ? "alert" : "status"}
    >
      {title && <p className="notice-title">{title}</p>}
      {children && <div className="notice-body">{children}</div>}
    </div>
  );
}

export function Spinner({ label = "Loading" }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}…
    </p>
  );
}

/** Grey blocks in the shape of product cards while results load. */
export function CardSkeletons({ count }: { count: number }) {
  return (
    <ul className="product-grid" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <li key={i} className="product-card skeleton-card">
          <div className="skeleton skeleton-image" />
          <div className="skeleton skeleton-line" />
          <div className="skeleton skeleton-line short" />
        </li>
      ))}
    </ul>
  );
}

/** A number the shopper changes with − and + or by typing, within 1..max. */
export function QuantityStepper({
  id,
  label,
  value,
  max,
  disabled,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  max: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}) {
  const limit = Math.max(1, max);
  const [capped, setCapped] = useState(false);
  const set = (next: number) => {
    if (Number.isFinite(next)) {
      // more than can be had is cut to what can be, and the shopper is told so
      setCapped(Math.round(next) > limit);
      onChange(Math.min(limit, Math.max(1, Math.round(next))));
    }
  };
  return (
    <>
      <div className="stepper">
        <label htmlFor={id} className="visually-hidden">
          {label}
        </label>
        <button
          type="button"
          className="stepper-button"
          aria-label={`Fewer (${label})`}
          disabled={disabled || value <= 1}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          max={limit}
          value={value}
          disabled={disabled}
          onChange={(e) => set(Number(e.target.value))}
        />
        <button
          type="button"
          className="stepper-button"
          aria-label={`More (${label})`}
          disabled={disabled || value >= limit}
          onClick={() => set(value + 1)}
        >
          +
        </button>
      </div>
      {capped && (
        <p className="stepper-note" role="status">
          Only {limit} can be ordered.
        </p>
      )}
    </>
  );
}

export function formatDate(iso: string | undefined, withTime = true): string {
  if (!iso) {
    return "";
  }
  return new Intl.DateTimeFormat("en-IE", {
    dateStyle: "medium",
    timeStyle: withTime ? "short" : undefined,
  }).format(new Date(iso));
}
