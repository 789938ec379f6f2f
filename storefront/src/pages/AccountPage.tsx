import { FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AddressFields, EMPTY_ADDRESS } from "../components/AddressFields";
import { Notice, PageTitle, Spinner } from "../components/ui";
import { useSession, useSessionActions } from "../hooks";
import {
  Address,
  addAddress,
  addressLine,
  changePassword,
  deleteAddress,
  listAddresses,
  rename,
  updateAddress,
} from "../lib/account";
import { ApiError, errorMessage } from "../lib/http";
import { Account, session } from "../lib/session";
import { paths } from "../paths";
import { keys } from "../queries";

function NameForm({ account }: { account: Account }) {
  const [name, setName] = useState(account.name);
  const save = useMutation({
    mutationFn: () => rename(name.trim()),
    onSuccess: (updated) => session.updateAccount(updated),
  });
  return (
    <form
      className="form-card"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2>Your details</h2>
      <p className="hint">Email: {account.email}</p>
      <div className="field">
        <label htmlFor="account-name">Name</label>
        <input
          id="account-name"
          value={name}
          required
          maxLength={200}
          autoComplete="name"
          onChange={(e) => {
            setName(e.target.value);
            save.reset();
          }}
        />
      </div>
      {save.isSuccess && <Notice tone="success">Your name is saved.</Notice>}
      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      <button type="submit" className="button" disabled={save.isPending || !name.trim()}>
        {save.isPending ? "Saving…" : "Save name"}
      </button>
    </form>
  );
}

function AddressEditor({
  initial,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: Address;
  submitLabel: string;
  onSave: (address: Address) => Promise<unknown>;
  onCancel: () => void;
}) {
  const [address, setAddress] = useState(initial);
  const save = useMutation({ mutationFn: () => onSave(address) });
  const prefix = initial.id ? `edit-${initial.id}` : "new-address";
  return (
    <form
      className="address-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <AddressFields
        idPrefix={prefix}
        value={address}
        onChange={setAddress}
        disabled={save.isPending}
      />
      {save.isError && <Notice tone="error">{errorMessage(save.error)}</Notice>}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddressBook() {
  const client = useQueryClient();
  const addresses = useQuery({ queryKey: keys.addresses, queryFn: listAddresses });
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: keys.addresses });
  const remove = useMutation({
    mutationFn: (id: string) => deleteAddress(id),
    onSuccess: () => {
      setConfirming(null);
      return refresh();
    },
  });
  return (
    <section className="form-card" aria-labelledby="addresses-title">
      <h2 id="addresses-title">Address book</h2>
      {addresses.isPending && <Spinner label="Loading your addresses" />}
      {addresses.isError && <Notice tone="error">{errorMessage(addresses.error)}</Notice>}
      {addresses.data && addresses.data.length === 0 && editing !== "new" && (
        <p>No saved addresses yet.</p>
      )}
      <ul className="address-list">
        {addresses.data?.map((a) => (
          <li key={a.id}>
            {editing === a.id ? (
              <AddressEditor
                initial={{ ...a, line2: a.line2 ?? "" }}
                submitLabel="Save address"
                onSave={async (changed) => {
                  await updateAddress(a.id!, changed);
                  setEditing(null);
                  await refresh();
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <>
                <p>{addressLine(a)}</p>
                <div className="button-row">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Edit ${addressLine(a)}`}
                    onClick={() => setEditing(a.id!)}
                  >
                    Edit
                  </button>
                  {confirming === a.id ? (
                    <>
                      <button
                        type="button"
                        className="link-button danger"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(a.id!)}
                      >
                        Yes, delete it
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setConfirming(null)}
                      >
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="link-button danger"
                      aria-label={`Delete ${addressLine(a)}`}
                      onClick={() => setConfirming(a.id!)}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
      {remove.isError && <Notice tone="error">{errorMessage(remove.error)}</Notice>}
      {editing === "new" ? (
        <AddressEditor
          initial={EMPTY_ADDRESS}
          submitLabel="Add address"
          onSave={async (address) => {
            await addAddress(address);
            setEditing(null);
            await refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          Add an address
        </button>
      )}
    </section>
  );
}

function PasswordForm({ account }: { account: Account }) {
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: async ({ current, next }: { current: string; next: string }) => {
      await changePassword(current, next);
      // a new password ends every session of the account, this one too: start a new one with it
      await session.signIn(account.email, next);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(false);
    change.mutate(
      { current: String(data.get("current") ?? ""), next: String(data.get("next") ?? "") },
      {
        onSuccess: () => {
          form.reset();
          setDone(true);
        },
      },
    );
  }
  const error = change.error;
  return (
    <form
      className="form-card"
      onSubmit={submit}
      // an earlier attempt's error no longer holds once the shopper edits the form
      onChange={() => change.isError && change.reset()}
    >
      <h2>Password</h2>
      <div className="field">
        <label htmlFor="current-password">Current password</label>
        <input
          id="current-password"
          name="current"
          type="password"
          required
          autoComplete="current-password"
        />
      </div>
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="next"
          type="password"
          required
          minLength={8}
          autoComplete="new-password"
          aria-describedby="new-password-hint"
        />
        <p id="new-password-hint" className="hint">
          At least 8 characters. Changing it signs you out everywhere else.
        </p>
      </div>
      {done && <Notice tone="success">Your password is changed.</Notice>}
      {error && (
        <Notice tone="error">
          {error instanceof ApiError && error.kind === "invalid-credentials"
            ? "The current password is not right."
            : errorMessage(error)}
        </Notice>
      )}
      <button type="submit" className="button" disabled={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}

export default function AccountPage() {
  const state = useSession();
  const navigate = useNavigate();
  const { signOut } = useSessionActions();
  if (state.status !== "signed-in") {
    return null;
  }
  return (
    <section className="account-page">
      <PageTitle title="Your account" />
      <div className="account-head">
        <h1>Hello, {state.account.name}</h1>
        <div className="button-row">
          <Link to={paths.orders()} className="button">
            Your orders
          </Link>
          <button
            type="button"
            className="button"
            id="sign-out"
            onClick={async () => {
              await signOut();
              navigate(paths.home);
            }}
          >
            Sign out
          </button>
        </div>
      </div>
      <div className="account-grid">
        <NameForm account={state.account} />
        <PasswordForm account={state.account} />
        <AddressBook />
      </div>
    </section>
  );
}
