import { Button } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";

export interface LoginLinkContinueProps {
  token: string;
  email: string;
  organizationName: string;
  /** The server action behind the button: spends the link and signs in. */
  signIn: (formData: FormData) => Promise<void>;
}

/** GET shows whose link it is and a button; only the button (a POST) spends it, so link scanners do not. */
export function LoginLinkContinue({ token, email, organizationName, signIn }: LoginLinkContinueProps) {
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">Sign in to {organizationName}</h1>
      <p className="mt-2 text-slate-600">
        You are signing in as <strong className="break-all text-slate-900">{email}</strong>. This link works
        once.
      </p>
      <form action={signIn} className="mt-6">
        <input type="hidden" name="token" value={token} />
        <Button type="submit">Continue</Button>
      </form>
    </CenteredPage>
  );
}
