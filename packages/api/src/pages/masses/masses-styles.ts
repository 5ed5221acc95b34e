/** Styles of the masses pages, added after the common ones. */
export const massesStyles = `
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:800px){.grid2{grid-template-columns:1fr}}
.masses-form label{display:block;margin:.3rem 0;font-size:.92rem}.masses-form input[type=text],.masses-form input[type=datetime-local],.masses-form input[type=date],.masses-form select,.masses-form textarea{width:100%;padding:.3rem}
.masses-form input[type=number]{width:7rem}.masses-form textarea{min-height:4rem}.row-form{display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}
.tag.dissent{background:#fde2e1;color:#8a1c1c}.tag.overdue{background:#fde2e1;color:#8a1c1c}.tag.done{background:#e3f3e4}
table.masses td{font-size:.9rem}ol.agenda li{margin:.1rem 0}.codes{columns:3;font-family:monospace;font-size:1.2rem}
@media print{.no-print{display:none}.codes{columns:2}}
`;
