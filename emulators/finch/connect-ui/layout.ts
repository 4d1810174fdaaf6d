import { escapeHtml } from "./html";

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;padding:24px 16px;
  font:15px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#101828;
  background:rgba(16,24,40,.55)}
.card{width:100%;max-width:420px;background:#fff;border-radius:16px;box-shadow:0 20px 48px rgba(16,24,40,.25);padding:28px}
.brand{display:flex;align-items:center;justify-content:space-between;margin-bottom:20px}
.brand-name{font-weight:700;letter-spacing:-.01em;display:flex;align-items:center;gap:8px}
.brand-mark{width:24px;height:24px;border-radius:6px;background:#101828;color:#fff;display:inline-flex;align-items:center;justify-content:center;font-size:13px}
.badge{font-size:12px;font-weight:600;color:#5925dc;background:#f4f3ff;border-radius:999px;padding:2px 10px}
h1{font-size:21px;line-height:1.3;margin:0 0 6px}
p{margin:0 0 14px;color:#475467}
.providers{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin:18px 0}
.provider{display:flex;align-items:center;gap:10px;width:100%;padding:12px;border:1px solid #d0d5dd;border-radius:10px;
  background:#fff;font:inherit;font-weight:600;color:#101828;cursor:pointer;text-align:left}
.provider:hover,.provider:focus-visible{border-color:#5925dc;outline:none;box-shadow:0 0 0 3px #ebe9fe}
.provider img{width:28px;height:28px;flex:none}
.field{margin-bottom:14px}
label{display:block;font-weight:600;font-size:14px;margin-bottom:6px}
input[type=text],input[type=password]{width:100%;padding:10px 12px;border:1px solid #d0d5dd;border-radius:8px;font:inherit}
input:focus{outline:none;border-color:#5925dc;box-shadow:0 0 0 3px #ebe9fe}
.actions{display:flex;gap:10px;margin-top:18px}
.button{flex:1;padding:11px 14px;border-radius:8px;font:inherit;font-weight:600;cursor:pointer;border:1px solid transparent}
.primary{background:#5925dc;color:#fff}.primary:hover{background:#4a1fb8}
.secondary{background:#fff;color:#344054;border-color:#d0d5dd}.secondary:hover{background:#f9fafb}
.hint{font-size:13px;background:#f9fafb;border:1px solid #eaecf0;border-radius:8px;padding:10px 12px;color:#475467}
.alert{font-size:14px;background:#fef3f2;border:1px solid #fecdca;color:#b42318;border-radius:8px;padding:10px 12px;margin-bottom:14px}
.success{font-size:14px;background:#ecfdf3;border:1px solid #abefc6;color:#067647;border-radius:8px;padding:10px 12px}
.provider-head{display:flex;align-items:center;gap:12px;margin-bottom:10px}
.provider-head img{width:40px;height:40px}
.link{color:#5925dc;font-size:14px;text-decoration:none}.link:hover{text-decoration:underline}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px;background:#f2f4f7;border-radius:4px;padding:1px 5px;word-break:break-all}
.hint code{white-space:nowrap;word-break:normal}
.back{margin:14px 0 0}
.footer{margin-top:20px;font-size:12px;color:#667085;text-align:center}
@media (max-width:420px){.card{padding:20px;border-radius:12px}.providers{grid-template-columns:1fr}}
`;

/** The Connect page shell: one card, inline CSS, an optional inline script. */
export function connectPage(title: string, body: string, script?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Finch Connect</title>
<style>${STYLES}</style>
</head>
<body>
<main class="card" aria-labelledby="page-title">
<div class="brand"><span class="brand-name"><span class="brand-mark" aria-hidden="true">F</span>Finch Connect</span><span class="badge">Local emulator</span></div>
${body}
<p class="footer">Simulated Finch Connect. No real payroll account is contacted.</p>
</main>
${script ? `<script>${script}</script>` : ""}
</body>
</html>`;
}
