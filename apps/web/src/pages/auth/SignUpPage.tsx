import { useRef, useState, type FormEvent } from "react";
import { Link, Redirect, useSearch } from "wouter";
import { TextField } from "../../components/TextField";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { authClient, safeNextPath } from "./auth-client";
import { AuthLayout } from "./AuthLayout";
import { useAuthSubmit } from "./use-auth-submit";
import { emailProblem, nameProblem, passwordProblem } from "./validation";

type Field = "name" | "email" | "password";

export function SignUpPage() {
  useDocumentTitle("Create an account");
  const me = useMe();
  const search = new URLSearchParams(useSearch());
  const { submit, busy, error } = useAuthSubmit();
  const [values, setValues] = useState<Record<Field, string>>({ name: "", email: "", password: "" });
  const [problems, setProblems] = useState<Partial<Record<Field, string | undefined>>>({});
  const refs = { name: useRef<HTMLInputElement>(null), email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  if (me.data?.user && !busy) return <Redirect to={safeNextPath(search.get("next"))} replace />;

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { name: nameProblem(values.name), email: emailProblem(values.email), password: passwordProblem(values.password, true) };
    setProblems(found);
    const first = (["name", "email", "password"] as const).find((f) => found[f]);
    if (first) return refs[first].current?.focus();
    void submit(() => authClient.signUp(values.name.trim(), values.email.trim(), values.password));
  };

  return (
    <AuthLayout
      title="Create your account"
      footer={
        <>
          Already have an account? <Link href={`/sign-in${search.get("next") ? `?next=${encodeURIComponent(search.get("next") ?? "")}` : ""}`}>Sign in</Link>
        </>
      }
    >
      {error && (
        <p className="sy-notice sy-notice--error" role="alert">
          {error}
        </p>
      )}
      <form className="sy-form" onSubmit={onSubmit} noValidate aria-label="Create an account">
        <TextField inputRef={refs.name} label="Name" autoComplete="name" value={values.name} onChange={set("name")} error={problems.name} autoFocus />
        <TextField inputRef={refs.email} label="Email" type="email" autoComplete="email" value={values.email} onChange={set("email")} error={problems.email} />
        <TextField
          inputRef={refs.password}
          label="Password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={problems.password}
          help="At least 8 characters."
        />
        <button type="submit" className="sy-button sy-button--primary sy-button--block" disabled={busy}>
          {busy ? "Creating your account…" : "Create account"}
        </button>
      </form>
    </AuthLayout>
  );
}
