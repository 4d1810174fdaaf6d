// The stand-ins' one stylesheet base: colours (light and dark), type, the top bar, the Connect-style
// card, buttons, fields, tables, notices. Each page adds only the few rules of its own.
export const BASE_STYLES = `
:root { color-scheme: light dark; --bg: #f5f6f8; --panel: #fff; --ink: #16181d; --muted: #5d6470;
  --line: #e3e6eb; --accent: #5925dc; --accent-ink: #fff; --accent-soft: #ebe9fe; --hover: #f4f3ff;
  --danger: #b42318; --danger-soft: #fef3f2; --ok: #067647; --ok-soft: #ecfdf3; --warn: #b54708; --warn-soft: #fffaeb; }
@media (prefers-color-scheme: dark) { :root { --bg: #111317; --panel: #1a1d23; --ink: #eceef2; --muted: #a2a9b5;
  --line: #2c313a; --accent: #bdb4fe; --accent-ink: #1b0b4a; --accent-soft: #2b2545; --hover: #212836;
  --danger: #f2b8b5; --danger-soft: #3a1d1b; --ok: #a6f4c5; --ok-soft: #12301f; --warn: #fedf89; --warn-soft: #3a2a10; } }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--panel); padding: .5rem 1rem; z-index: 2; }
.topbar { background: var(--panel); border-bottom: 1px solid var(--line); }
.topbar-inner, .page { max-width: 75rem; margin: 0 auto; padding: 0 1rem; }
.topbar-inner { display: flex; align-items: center; gap: .5rem 1rem; min-height: 3.5rem; flex-wrap: wrap; padding-block: .5rem; }
.brand { font-weight: 700; text-decoration: none; color: var(--ink); display: flex; align-items: center; gap: .5rem; }
.brand-mark { display: inline-grid; place-items: center; width: 1.75rem; height: 1.75rem; border-radius: .4rem;
  background: var(--ink); color: var(--panel); font-size: .9rem; }
.badge { font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; }
.page { padding-top: 1.5rem; padding-bottom: 3rem; }
.layout-card { min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px 16px;
  background: rgba(16,24,40,.55); }
.layout-card .page { width: 100%; max-width: 420px; padding: 28px; background: var(--panel); border-radius: 16px;
  box-shadow: 0 20px 48px rgba(16,24,40,.25); }
.brand-row { display: flex; align-items: center; justify-content: space-between; gap: .5rem; margin-bottom: 20px; }
@media (max-width: 420px) { .layout-card .page { padding: 20px; border-radius: 12px; } }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; overflow-wrap: anywhere; }
.layout-card h1 { font-size: 21px; margin-bottom: 6px; }
h2 { font-size: 1rem; margin: 0 0 .75rem; }
p { margin: 0 0 .875rem; }
.muted, .layout-card p { color: var(--muted); }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--hover); border-radius: 4px;
  padding: 1px 5px; word-break: break-all; }
pre { background: var(--hover); padding: .5rem; overflow: auto; font-size: .8rem; }
button, .button { font: inherit; padding: .4rem .8rem; border-radius: .4rem; border: 1px solid var(--line);
  background: var(--panel); color: var(--ink); cursor: pointer; text-decoration: none; }
button.primary, .button.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
button.danger { color: var(--danger); }
input, select { font: inherit; padding: .4rem .6rem; border: 1px solid var(--line); border-radius: .4rem;
  background: var(--panel); color: var(--ink); }
label { display: block; font-weight: 600; font-size: .875rem; margin-bottom: .25rem; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.25rem; margin-bottom: 1rem; }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.notice, .success, .alert { font-size: .875rem; border-radius: .5rem; padding: .6rem .75rem; margin-bottom: .875rem; overflow-wrap: anywhere; }
.notice, .success { background: var(--ok-soft); border: 1px solid var(--ok); color: var(--ok); }
.alert { background: var(--danger-soft); border: 1px solid var(--danger); color: var(--danger); }
.ok { color: var(--ok); font-weight: 600; }
.bad { color: var(--danger); font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
