// Test connection: posts the dialog's values to the runtime's diagnose endpoint and shows the
// verdict, the hint and each step.
import { readDiagnosis } from './diagnosis-view';
import type { DiagnosisView } from './diagnosis-view';
import type { ConfigMeta } from './meta';
import { translator } from './translate';

function mark(ok: boolean | undefined): string {
  return ok ? '✔ ' : '✘ ';
}

function showVerdict(result: SwitchboardJQuery, diagnosis: DiagnosisView): void {
  result.empty().removeClass('switchboard-ok switchboard-failed');
  result.addClass(diagnosis.ok ? 'switchboard-ok' : 'switchboard-failed');
  $('<div class="switchboard-verdict">')
    .text(mark(diagnosis.ok) + (diagnosis.summary ?? ''))
    .appendTo(result);
  if (diagnosis.hint) $('<div class="switchboard-hint">').text(diagnosis.hint).appendTo(result);
  for (const step of diagnosis.steps) {
    const label = step.name ?? step.title ?? '';
    $('<div class="switchboard-step">')
      .text(mark(step.ok) + label + (step.detail ? `: ${step.detail}` : ''))
      .appendTo(result);
  }
}

export function testConnection(
  node: SwitchboardEditorNode,
  meta: ConfigMeta,
  values: Record<string, unknown>,
): void {
  const t = translator(node);
  const result = $('#switchboard-test-result');
  result.removeClass('switchboard-ok switchboard-failed').text(t('test.running'));
  $.ajax({
    url: `switchboard/diagnose/${meta.provider}`,
    type: 'POST',
    contentType: 'application/json',
    data: JSON.stringify({ id: node.id, values }),
    dataType: 'json',
  })
    .done((data) => showVerdict(result, readDiagnosis(data)))
    .fail((xhr) =>
      showVerdict(result, {
        ok: false,
        summary: t('test.couldNotRun', { status: xhr.status }),
        hint: t(xhr.status === 401 || xhr.status === 403 ? 'test.notAllowed' : 'test.unreachable'),
        steps: [],
      }),
    );
}
