// What Test connection shows, read from the diagnose endpoint's JSON.

export interface DiagnosisStep {
  ok?: boolean;
  name?: string;
  title?: string;
  detail?: string;
}

export interface DiagnosisView {
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
