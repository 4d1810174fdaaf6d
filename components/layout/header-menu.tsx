"use client";

// A header's navigation and account controls: in a row on wide screens, behind a "Menu" disclosure
// button on narrow ones (aria-expanded/aria-controls; Escape closes and returns focus to the button;
// following a link closes it). A state flag and two handlers: the dashboard's first-load JS stays small.
import { useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";

export function HeaderMenu({ id, children }: { id: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  const onClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest("a")) setOpen(false);
  };
  return (
    <div onKeyDown={onKeyDown} className="contents">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 px-2.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 lg:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
        </svg>
        Menu
      </button>
      <div
        id={id}
        onClick={onClick}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-slate-200 pt-3 lg:flex lg:w-auto lg:flex-1 lg:ml-3 lg:flex-row lg:items-center lg:justify-between lg:gap-6 lg:border-0 lg:pt-0`}
      >
        {children}
      </div>
    </div>
  );
}
