// The mailbox's own rules on top of the stand-ins' shared stylesheet base (../../shared/page).
export const MAILBOX_STYLES = `
.spacer { flex: 1; }
.toolbar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin: 0 0 1rem; color: var(--muted); }
.toolbar form { display: flex; gap: .5rem; }
input[type=search] { min-width: 14rem; }
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
.body-panel pre { margin: 0; background: none; padding: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.55 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
details summary { cursor: pointer; color: var(--muted); }
`;
