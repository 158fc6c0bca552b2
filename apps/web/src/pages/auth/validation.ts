/** Checks the server makes too, done first so mistakes show beside their field without a round trip. */
export function emailProblem(email: string): string | undefined {
  const value = email.trim();
  if (value === "") return "Enter your email address.";
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return "Enter an email address like name@example.com.";
  return undefined;
}

export function passwordProblem(password: string, forNewAccount: boolean): string | undefined {
  if (password === "") return "Enter your password.";
  if (forNewAccount && password.length < 8) return "Use at least 8 characters.";
  if (forNewAccount && password.length > 256) return "Use at most 256 characters.";
  return undefined;
}

export function nameProblem(name: string): string | undefined {
  return name.trim() === "" ? "Enter your name, as teammates will see it." : undefined;
}
