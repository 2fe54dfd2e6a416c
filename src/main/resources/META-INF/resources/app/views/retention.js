// Supervisors: legal holds on a case, and the approval of a closed case's disposal.
import { h, when } from '../dom.js';
import { form, section, toast } from '../ui.js';

export function retention(app, c) {
  const parts = [];
  if (c.legalHold) {
    parts.push(h('p', {}, `Under a legal hold since ${when(c.legalHold.setAt)}: ${c.legalHold.reason}`),
      form({
        submitLabel: 'Lift the legal hold',
        fields: [{ name: 'reason', label: 'Why the hold is lifted', required: true, maxlength: 2000 }],
        onSubmit: async v => {
          await app.api.delete(`/api/cases/${c.id}/legal-hold`, { reason: v.reason });
          toast('Legal hold lifted');
          app.navigate(`#/cases/${c.id}?hold=lifted`);
        },
      }));
  } else {
    parts.push(form({
      submitLabel: 'Set a legal hold',
      fields: [{ name: 'reason', label: 'Reason for the legal hold', required: true, maxlength: 2000,
        hint: 'While it stands, the case is not disposed of.' }],
      onSubmit: async v => {
        await app.api.put(`/api/cases/${c.id}/legal-hold`, { reason: v.reason });
        toast('Legal hold set');
        app.navigate(`#/cases/${c.id}?hold=set`);
      },
    }));
  }
  if (c.status === 'CLOSED' && !c.legalHold) {
    parts.push(h('h3', {}, 'Disposal'), form({
      submitLabel: 'Approve the disposal',
      fields: [{ name: 'legalBasis', label: 'Legal basis', required: true, maxlength: 2000,
        hint: 'Evidence is deleted and the case key destroyed; the audit trail keeps the record.' }],
      onSubmit: async v => {
        const d = await app.api.post(`/api/cases/${c.id}/disposal`, { legalBasis: v.legalBasis });
        toast(`Disposal approved; job ${d.jobId} runs it`);
        app.navigate('#/disposals');
      },
    }));
  }
  return section('Retention', parts);
}
