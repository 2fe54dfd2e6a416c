// Welfare, for supervisors: pictures each officer opened per day and week, from the audit trail.
import { day, h } from '../dom.js';
import { loadInto, pageHeader, section, table } from '../ui.js';

export async function view({ app, query }) {
  const weeks = Number(query.get('weeks')) || 4;
  const holder = h('div');
  loadInto(holder, () => app.api.get('/api/welfare/exposure', { weeks }), w => [
    h('p', {}, `From ${day(w.from)} to ${day(w.to)} (UTC), in the cases of your unit. Counts only: no picture is shown here.`),
    table({
      caption: 'Pictures opened per officer',
      rows: w.officers,
      empty: 'No officer opened a picture in this period.',
      columns: [
        { label: 'Officer', value: o => o.username },
        { label: 'Revealed', value: o => String(o.revealed), class: 'num' },
        { label: 'Downloaded', value: o => String(o.downloaded), class: 'num' },
        { label: 'Per week', value: o => o.weeks.map(x => `${day(x.start)}: ${x.revealed + x.downloaded}`).join(' · ') },
        { label: 'Busiest day', value: o => {
          const top = [...o.days].sort((a, b) => (b.revealed + b.downloaded) - (a.revealed + a.downloaded))[0];
          return top ? `${day(top.start)}: ${top.revealed + top.downloaded}` : '';
        } },
      ],
    }),
  ]);
  return h('div', {}, pageHeader('Welfare'),
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Period' }, [1, 4, 12].map(n =>
      h('a', { href: `#/welfare?weeks=${n}`, class: 'chip', 'aria-current': n === weeks ? 'true' : null }, `${n} week${n > 1 ? 's' : ''}`))),
    section('Exposure', holder));
}
