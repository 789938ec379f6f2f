// Hooks over the session and the cart, shared by every page.
import { useEffect, useState, useSyncExternalStore } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  addToCart,
  Cart,
  changeQuantity,
  currentCart,
  mergeGuestCart,
  removeLine,
} from "./lib/cart";
import { session, SessionState } from "./lib/session";
import { keys, PRIVATE_KEYS } from "./queries";

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}

/** Whose cart is shown: the account's, or this browser's guest cart. */
export function cartOwner(state: SessionState): string {
  return state.status === "signed-in" ? state.account.id : "guest";
}

export function useCart() {
  const state = useSession();
  return useQuery({
    queryKey: keys.cart(cartOwner(state)),
    queryFn: () => currentCart(),
    enabled: state.status !== "restoring",
  });
}

/** The cart's changes; each answer is the whole cart, which replaces the cached one. */
export function useCartActions() {
  const client = useQueryClient();
  const state = useSession();
  const key = keys.cart(cartOwner(state));
  const put = (cart: Cart) => client.setQueryData(key, cart);
  return {
    add: useMutation({
      mutationFn: ({ sku, quantity }: { sku: string; quantity: number }) =>
        addToCart(sku, quantity),
      onSuccess: put,
    }),
    change: useMutation({
      mutationFn: ({ cartId, sku, quantity }: { cartId: string; sku: string; quantity: number }) =>
        changeQuantity(cartId, sku, quantity),
      onSuccess: put,
    }),
    remove: useMutation({
      mutationFn: ({ cartId, sku }: { cartId: string; sku: string }) => removeLine(cartId, sku),
      onSuccess: put,
    }),
  };
}

/** Signing in and out, with what goes with it: the guest cart joins the account, private data is dropped. */
export function useSessionActions() {
  const client = useQueryClient();
  return {
    async signIn(email: string, password: string) {
      const account = await session.signIn(email, password);
      try {
        client.setQueryData(keys.cart(account.id), await mergeGuestCart());
      } catch {
        // the cart service did not answer: the cart shows when it does; the sign-in itself worked
        void client.invalidateQueries({ queryKey: ["cart"] });
      }
      return account;
    },
    async signOut() {
      await session.signOut();
      PRIVATE_KEYS.forEach((key) => client.removeQueries({ queryKey: [key] }));
    },
  };
}

/** The value once it stopped changing for a while (search-as-you-type). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
