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
