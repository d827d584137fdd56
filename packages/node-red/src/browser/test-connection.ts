// Test connection: posts the dialog's values to the runtime's diagnose endpoint and shows the
// verdict, the hint and each step.
import type { ConfigMeta } from './meta';
import { translator } from './translate';

interface DiagnosisStep {
  ok?: boolean;
  name?: string;
  title?: string;
  detail?: string;
}

interface DiagnosisView {
  ok: boolean;
  summary?: string;
  hint?: string;
  steps: DiagnosisStep[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The endpoint's JSON, read defensively: a field of the wrong type is left out, not shown. */
export function readDiagnosis(data: unknown): DiagnosisView {
  const body = record(data);
  const steps = Array.isArray(body.steps) ? body.steps.map(record) : [];
  return {
    ok: body.ok === true,
    summary: text(body.summary),
    hint: text(record(body.error).hint),
    steps: steps.map((step) => ({
      ok: step.ok === true,
      name: text(step.name),
      title: text(step.title),
      detail: text(step.detail),
    })),
  };
}

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
