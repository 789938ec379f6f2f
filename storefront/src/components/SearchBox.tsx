import { FormEvent, KeyboardEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebounced } from "../hooks";
import { getSuggestions } from "../lib/catalog";
import { paths } from "../paths";
import { keys } from "../queries";

const EMPTY_FILTERS = { attributes: [], inStock: false, sort: "relevance", page: 1 } as const;

/**
 * The shop's search: suggestions as the shopper types (debounced, from /catalog/api/suggestions) in an ARIA
 * combobox, so they work with arrow keys, Enter and Escape as well as a pointer.
 */
export function SearchBox({ initial = "" }: { initial?: string }) {
  const navigate = useNavigate();
  const id = useId();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(text.trim(), 200);
  const suggestions = useQuery({
    queryKey: keys.suggestions(typed.toLowerCase()),
    queryFn: ({ signal }) => getSuggestions(typed, signal),
    // the catalog suggests for prefixes of 2 to 100 characters (longer ones are a search, not a prefix)
    enabled: typed.length >= 2 && typed.length <= 100,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const options = typed.length >= 2 && typed.length <= 100 ? (suggestions.data ?? []) : [];
  const expanded = open && options.length > 0;
  const listId = `${id}-suggestions`;

  function go(q: string) {
    setOpen(false);
    setActive(-1);
    setText(q);
    navigate(paths.search({ ...EMPTY_FILTERS, attributes: [], q: q.trim() || undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(active >= 0 && expanded ? options[active] : text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
      }
      setOpen(false);
      setActive(-1);
    }
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        Search products
      </label>
      <input
        id={`${id}-q`}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Search products"
        maxLength={200}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="search-button">
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
          <path
            d="M15.5 15.5 21 21"
            stroke="currentColor"
            strokeWidth="2.2"
            strokeLinecap="round"
          />
        </svg>
        <span className="visually-hidden">Search</span>
      </button>
      <ul
        id={listId}
        role="listbox"
        aria-label="Suggestions"
        className="suggestions"
        hidden={!expanded}
      >
        {options.map((option, i) => (
          <li
            key={option}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            // keep the focus in the box: a blur first would close the list before the click lands
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => go(option)}
          >
            {option}
          </li>
        ))}
      </ul>
    </form>
  );
}
