// Entry of the editor bundle (resources/switchboard-editor.js), loaded by every Switchboard
// node .html; the first copy to run defines window.SwitchboardEditor, later ones keep it.
import { prepareApi, operationLabel, saveApi } from './api-dialog';
import { prepareConfig, validField } from './config-dialog';
import { closeToken, prepareToken } from './token-dialog';
import { providerPaletteLabel } from './translate';

if (!window.SwitchboardEditor) {
  window.SwitchboardEditor = {
    validField,
    prepareConfig,
    prepareApi,
    saveApi,
    operationLabel,
    paletteLabel: providerPaletteLabel,
    prepareToken,
    closeToken,
  };
}
