import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";

export default function NotFound() {
  return (
    <CenteredPage>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-600">
        The page you are looking for does not exist or you do not have access to it.
      </p>
      <Link href="/" prefetch={false} className={buttonClasses("primary", "mt-6")}>
        Back to the dashboard
      </Link>
    </CenteredPage>
  );
}
