// The mailbox's stylesheet, inlined so the page needs nothing but this server.
export const PAGE_STYLES = `
:root { color-scheme: light dark; --bg: #f5f6f8; --panel: #fff; --ink: #16181d; --muted: #5d6470;
  --line: #e3e6eb; --accent: #0b57d0; --accent-ink: #fff; --hover: #eef3fd; --danger: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --bg: #111317; --panel: #1a1d23; --ink: #eceef2; --muted: #a2a9b5;
  --line: #2c313a; --accent: #8ab4f8; --accent-ink: #0b1b33; --hover: #212836; --danger: #f2b8b5; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--panel); padding: .5rem 1rem; z-index: 2; }
.topbar { background: var(--panel); border-bottom: 1px solid var(--line); }
.topbar-inner, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
.topbar-inner { display: flex; align-items: center; gap: .5rem 1rem; min-height: 3.5rem; flex-wrap: wrap; padding-block: .5rem; }
.brand { font-weight: 700; text-decoration: none; color: var(--ink); display: flex; align-items: center; gap: .5rem; }
.brand-mark { display: inline-grid; place-items: center; width: 1.75rem; height: 1.75rem; border-radius: .4rem;
  background: var(--ink); color: var(--panel); font-size: .9rem; }
.badge { font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; }
.spacer { flex: 1; }
main { padding-top: 1.5rem; padding-bottom: 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.toolbar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 0 0 1rem; color: var(--muted); }
.toolbar form { display: flex; gap: .5rem; }
input[type=search] { font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: .4rem;
  background: var(--panel); color: var(--ink); min-width: 14rem; }
button, .button { font: inherit; padding: .4rem .8rem; border-radius: .4rem; border: 1px solid var(--line);
  background: var(--panel); color: var(--ink); cursor: pointer; text-decoration: none; }
button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
button.danger { color: var(--danger); }
.messages { list-style: none; margin: 0; padding: 0; background: var(--panel); border: 1px solid var(--line); border-radius: .6rem; overflow: hidden; }
.message { position: relative; display: grid; grid-template-columns: minmax(0, 14rem) minmax(0, 1fr) auto; gap: .25rem 1rem;
  padding: .8rem 1rem; border-top: 1px solid var(--line); align-items: baseline; }
.message:first-child { border-top: 0; }
.message:hover, .message:focus-within { background: var(--hover); }
.message .to { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.message .subject { color: var(--ink); font-weight: 600; text-decoration: none; overflow-wrap: anywhere; }
.message .subject::after { content: ""; position: absolute; inset: 0; }
.message .preview { color: var(--muted); font-weight: 400; }
.message time { color: var(--muted); font-size: .85rem; white-space: nowrap; }
@media (max-width: 40rem) { .message { grid-template-columns: 1fr auto; } .message .to { grid-column: 1 / -1; order: 2; } }
.empty { background: var(--panel); border: 1px dashed var(--line); border-radius: .6rem; padding: 2rem; text-align: center; color: var(--muted); }
.empty code { color: var(--ink); }
.back { display: inline-block; margin-bottom: 1rem; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: .75rem 0 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.tabs { display: flex; gap: .25rem; border-bottom: 1px solid var(--line); margin-bottom: 0; flex-wrap: wrap; }
.tabs a { padding: .5rem .9rem; text-decoration: none; color: var(--muted); border: 1px solid transparent; border-bottom: 0;
  border-radius: .4rem .4rem 0 0; }
.tabs a[aria-current=page] { color: var(--ink); background: var(--panel); border-color: var(--line); margin-bottom: -1px; font-weight: 600; }
.tabs .aside { margin-left: auto; }
.body-panel { background: #fff; color: #000; border: 1px solid var(--line); border-top: 0; border-radius: 0 0 .6rem .6rem; padding: 1rem; overflow: auto; }
.body-panel.text { background: var(--panel); color: var(--ink); }
.body-panel pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
details summary { cursor: pointer; color: var(--muted); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
