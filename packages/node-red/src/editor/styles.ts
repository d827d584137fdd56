// Dialog styles shared by the Switchboard nodes (scoped by class names).
export const EDITOR_STYLE = `<style>
.switchboard-section { margin: 14px 0 6px; font-weight: bold; border-bottom: 1px solid var(--red-ui-secondary-border-color, #ddd); }
.switchboard-section a.switchboard-advanced-toggle { color: inherit; text-decoration: none; }
.switchboard-advanced-toggle .fa { width: 10px; transition: transform 0.2s; }
.switchboard-advanced-toggle.switchboard-open .fa { transform: rotate(90deg); }
.switchboard-field-help, .switchboard-param-help { margin: -6px 0 10px 104px; font-size: 0.85em; color: var(--red-ui-secondary-text-color, #777); }
#switchboard-test-result { margin-top: 8px; padding: 6px 8px; border-radius: 3px; }
#switchboard-test-result:empty { display: none; }
#switchboard-test-result.switchboard-ok { background: #e6f4ea; color: #1e6b34; }
#switchboard-test-result.switchboard-failed { background: #fdecea; color: #8a1c14; }
.switchboard-verdict { font-weight: bold; }
.switchboard-hint { margin-top: 4px; }
.switchboard-step { font-size: 0.85em; }
</style>
`;
