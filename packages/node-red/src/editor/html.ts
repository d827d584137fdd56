// Small helpers for generating editor HTML safely from profile data.

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON that can sit inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028|\u2029/g, ' ');
}

/** A JavaScript string literal. */
export function jsString(text: string): string {
  return scriptJson(text);
}

export function scriptBlock(code: string): string {
  return `<script type="text/javascript">\n${code}\n</script>\n`;
}

export function templateBlock(type: string, body: string): string {
  return `<script type="text/html" data-template-name="${escapeHtml(type)}">\n${body}\n</script>\n`;
}

export function helpBlock(type: string, body: string): string {
  return `<script type="text/html" data-help-name="${escapeHtml(type)}">\n${body}\n</script>\n`;
}

/** The package name Node-RED serves our resources/ folder under (resources/<module>/...). */
export const PACKAGE_NAME = '@switchboard/node-red-switchboard';
export const EDITOR_SCRIPT_URL = `resources/${PACKAGE_NAME}/switchboard-editor.js`;

/**
 * Loads the editor bundle. The URL must stay relative: Node-RED (≥ 1.3) loads relative script
 * sources before the rest of the node's HTML, so registerType below can use SwitchboardEditor.
 */
export function editorScriptTag(): string {
  return `<script type="text/javascript" src="${EDITOR_SCRIPT_URL}"></script>\n`;
}

/** A `data-i18n` attribute; keys are looked up in the node file's message catalogue. */
export function i18n(...keys: string[]): string {
  return ` data-i18n="${escapeHtml(keys.join(';'))}"`;
}
