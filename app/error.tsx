"use client";

import { Button } from "@/components/ui/button";
import { CenteredPage } from "@/components/ui/centered-page";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <CenteredPage>
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-600">We could not load this page. Nothing was lost; please try again.</p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </CenteredPage>
  );
}
