import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/canvas.css";
import "./styles/nodes.css";
import "./styles/inspector.css";
import "./styles/run.css";
import "./styles/app.css";
import "./styles/pages.css";
import "./styles/sharing.css";
import { App } from "./app/App";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
