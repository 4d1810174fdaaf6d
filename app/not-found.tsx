import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";
import { NOT_FOUND_HEADING, NOT_FOUND_MESSAGE } from "@/lib/http/not-found-response";

export default function NotFound() {
  return (
    <CenteredPage>
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-1 text-2xl font-semibold">{NOT_FOUND_HEADING}</h1>
      <p className="mt-2 text-slate-600">{NOT_FOUND_MESSAGE}</p>
      <Link href="/" prefetch={false} className={buttonClasses("primary", "mt-6")}>
        Back to the dashboard
      </Link>
    </CenteredPage>
  );
}
