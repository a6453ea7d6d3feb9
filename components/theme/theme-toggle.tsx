"use client";

import { useSyncExternalStore } from "react";
import { THEME_STORAGE_KEY, THEMES, type Theme } from "@/components/theme/theme-script";

const LABELS: Record<Theme, string> = { light: "Light", dark: "Dark", system: "System" };
const CHANGE_EVENT = "featureline-theme-change";

declare global {
  interface Window {
    __applyTheme?: () => void;
  }
}

// The choice lives on <html data-theme> (set by THEME_SCRIPT before paint), the one source of truth.
function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => window.removeEventListener(CHANGE_EVENT, onChange);
}
function currentTheme(): Theme {
  const value = document.documentElement.dataset.theme;
  return value === "light" || value === "dark" ? value : "system";
}

function chooseTheme(next: Theme) {
  try {
    if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Storage refused (private mode): the choice holds for this page only.
  }
  const root = document.documentElement;
  window.__applyTheme?.();
  root.dataset.theme = next;
  if (next !== "system") root.classList.toggle("dark", next === "dark");
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Light / dark / follow the system; remembered in this browser's storage. */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => "system" as Theme);
  return (
    <div role="radiogroup" aria-label="Theme" className="flex rounded-md border border-slate-300 p-0.5 text-xs">
      {THEMES.map((option) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={theme === option}
          onClick={() => chooseTheme(option)}
          className={`flex-1 rounded px-2 py-1 ${theme === option ? "bg-slate-200 font-medium text-slate-900" : "text-slate-600 hover:bg-slate-100"}`}
        >
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
