// A minimal app page that embeds the real useFinchConnect hook, pointed at the emulator through
// apiConfig.connectUrl (taken from ?connectUrl=), and writes every callback into an on-page log.
import { useFinchConnect } from "@tryfinch/react-connect";
import { useState } from "react";
import { createRoot } from "react-dom/client";

const connectUrl = new URLSearchParams(window.location.search).get("connectUrl") ?? "";

function Harness() {
  const [sessionId, setSessionId] = useState("");
  const [state, setState] = useState("");
  const [log, setLog] = useState<string[]>([]);
  // The hook captures its callbacks once, so they only use the stable state setter.
  const append = (line: string) => setLog((lines) => [...lines, line]);
  const { open } = useFinchConnect({
    onSuccess: ({ code, state: returnedState }) =>
      append(`success code=${code} state=${returnedState ?? ""}`),
    onError: ({ errorMessage, errorType }) => append(`error type=${errorType ?? ""} message=${errorMessage}`),
    onClose: () => append("closed"),
    apiConfig: { connectUrl },
  });

  return (
    <main>
      <h1>useFinchConnect harness</h1>
      <label htmlFor="session-id">Session id</label>
      <input id="session-id" value={sessionId} onChange={(event) => setSessionId(event.target.value)} />
      <label htmlFor="state">State</label>
      <input id="state" value={state} onChange={(event) => setState(event.target.value)} />
      <button type="button" onClick={() => open({ sessionId, ...(state ? { state } : {}) })}>
        Open Finch Connect
      </button>
      <ol aria-label="Callback log">
        {log.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ol>
    </main>
  );
}

const root = document.getElementById("root");
// No StrictMode on purpose: react-connect 5.0.0 loses its message listener under StrictMode's double mount.
if (root) createRoot(root).render(<Harness />);
