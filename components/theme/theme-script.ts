/** Where the chosen theme is kept (per browser): "light", "dark" or "system" (the default). */
export const THEME_STORAGE_KEY = "featureline-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

/**
 * Runs in <head> before the body paints, so the page never flashes the wrong theme: puts `dark`
 * on <html> for the stored choice, or the system's when the choice is "system", and follows a
 * system change while the choice is "system".
 */
export const THEME_SCRIPT = `(function(){var k=${JSON.stringify(THEME_STORAGE_KEY)};var m=window.matchMedia("(prefers-color-scheme: dark)");function a(){var t=null;try{t=localStorage.getItem(k)}catch(e){}var d=t==="dark"||(t!=="light"&&m.matches);var r=document.documentElement;r.classList.toggle("dark",d);r.dataset.theme=t==="dark"||t==="light"?t:"system"}a();m.addEventListener("change",a);window.__applyTheme=a})()`;
