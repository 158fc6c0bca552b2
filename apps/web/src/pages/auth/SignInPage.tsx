import { useRef, useState, type FormEvent } from "react";
import { Link, Redirect, useSearch } from "wouter";
import { TextField } from "../../components/TextField";
import { useDocumentTitle } from "../../app/use-document-title";
import { useMe } from "../../app/use-me";
import { authClient, safeNextPath } from "./auth-client";
import { AuthLayout } from "./AuthLayout";
import { useAuthSubmit } from "./use-auth-submit";
import { signInNotice } from "./sign-in-notice";
import { emailProblem, passwordProblem } from "./validation";

export function SignInPage() {
  useDocumentTitle("Sign in");
  const me = useMe();
  const search = new URLSearchParams(useSearch());
  const { submit, busy, error } = useAuthSubmit();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<{ email?: string | undefined; password?: string | undefined }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  if (me.data?.user && !busy) return <Redirect to={safeNextPath(search.get("next"))} replace />;
  const notice = signInNotice(search, me.data?.sessionExpired === true);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = { email: emailProblem(email), password: passwordProblem(password, false) };
    setProblems(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    void submit(() => authClient.signIn(email.trim(), password));
  };

  return (
    <AuthLayout
      title="Sign in"
      footer={
        <>
          New to Switchyard? <Link href={`/sign-up${search.get("next") ? `?next=${encodeURIComponent(search.get("next") ?? "")}` : ""}`}>Create an account</Link>
        </>
      }
    >
      {notice && !error && (
        <p className={`sy-notice${notice.kind === "error" ? " sy-notice--error" : ""}`} role="status">
          {notice.text}
        </p>
      )}
      {error && (
        <p className="sy-notice sy-notice--error" role="alert">
          {error}
        </p>
      )}
      <form className="sy-form" onSubmit={onSubmit} noValidate aria-label="Sign in">
        <TextField
          inputRef={emailRef}
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={problems.email}
          autoFocus
        />
        <TextField
          inputRef={passwordRef}
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={problems.password}
        />
        <button type="submit" className="sy-button sy-button--primary sy-button--block" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}
