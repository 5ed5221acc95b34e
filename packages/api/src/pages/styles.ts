/**
 * The one stylesheet of the app's pages (served as /assets/app.css): the frame, then the campaign,
 * dashboard and masses pages. The system's own fonts (nothing loaded from elsewhere, Vietnamese
 * diacritics in every one of them); a disabled control looks disabled; the keyboard focus is
 * always visible; on a phone nothing is wider than the screen — a wide table scrolls inside its
 * own box (table-scroll.ts makes such a box reachable by keyboard).
 */
const frame = `
*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;color:#1d2733;background:#f5f6f8;line-height:1.4}
a{color:#8f0c0c}
header.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.2rem 1rem;background:#a50e0e;color:#fff;padding:.5rem 1rem}
header.top a.brand{color:#fff;font-weight:600;text-decoration:none}header.top nav{display:flex;gap:.8rem;align-items:center;min-width:0;max-width:100%}
header.top .who{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;min-width:0}header.top button.link{color:#fff;white-space:nowrap}
main{max-width:1200px;margin:1.2rem auto;padding:0 1rem;overflow-wrap:anywhere}h1{font-size:1.5rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:1.4rem 0 .6rem}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:1rem;margin-bottom:1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #dde1e6;padding:.35rem .55rem;text-align:left;vertical-align:top;overflow-wrap:normal}
th{background:#eef1f4;font-weight:600}td.num,th.num{text-align:right}caption{text-align:left;font-weight:600;padding:.3rem 0}
.crumbs{font-size:.9rem;margin-bottom:.4rem}.muted{color:#55606d}
button,.button{background:#a50e0e;color:#fff;border:1px solid #a50e0e;border-radius:4px;padding:.45rem .9rem;cursor:pointer;font:inherit;font-size:.95rem;text-decoration:none;display:inline-block}
button:hover,.button:hover{background:#8a0b0b}
button.link{background:none;border:0;color:inherit;text-decoration:underline;padding:0}form.inline{display:inline}
fieldset{min-width:0}input,select,textarea{font:inherit;max-width:100%;border:1px solid #8c96a1;border-radius:3px;padding:.25rem .35rem;background:#fff;color:#1d2733}
button:disabled,button[aria-disabled=true],.button[aria-disabled=true],input[type=submit]:disabled{background:#e3e6ea;color:#4d5661;border:1px dashed #8c96a1;cursor:not-allowed;box-shadow:none}
input:disabled,select:disabled,textarea:disabled{background:#eef0f2;color:#4d5661;border-style:dashed;cursor:not-allowed}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}header.top :focus-visible{outline-color:#fff}
.scroll-box:focus-visible{outline-offset:0}
.identities{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(300px,100%),1fr));gap:.8rem}
.identities button{width:100%;text-align:left;background:#fff;color:#1d2733;border:1px solid #c8ced6;padding:.8rem}
.identities button:hover{border-color:#a50e0e;background:#fff}.tag{display:inline-block;background:#eef1f4;border-radius:3px;padding:0 .35rem;font-size:.8rem}
.error{background:#fdecea;border:1px solid #f5c2c0;padding:1rem;border-radius:6px}.closed{color:#5e6873;text-decoration:line-through}
.notice.frozen{background:#fff4e5;border:1px solid #f0c36d;padding:.8rem 1rem;border-radius:6px;font-weight:600}
.pager{margin-top:.6rem;display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}.indent-1{padding-left:1.2rem}.indent-2{padding-left:2.4rem}.indent-3{padding-left:3.6rem}.indent-4{padding-left:4.8rem}.indent-5{padding-left:6rem}
.search{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0 1rem}.search input[type=search]{flex:1 1 14rem;min-width:0}
.filters{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center;margin:.4rem 0 .8rem}
dl.changes{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.1rem .6rem;font-size:.9rem}dl.changes dt{font-weight:600}dl.changes dd{margin:0}
@media (max-width:800px){
main{margin:.8rem auto;padding:0 .6rem}h1{font-size:1.25rem}
header.top{padding:.4rem .6rem}header.top a.brand{font-size:.95rem}header.top nav{flex:1 1 100%;justify-content:space-between;font-size:.9rem}
main table,figure.chart{display:block;max-width:100%;overflow-x:auto}
.indent-3{padding-left:2.4rem}.indent-4{padding-left:3rem}.indent-5{padding-left:3.6rem}
}
@media print{header.top,nav,.pager,button,.search,.filters{display:none}body{background:#fff}main table{display:table;overflow:visible}}
`;

const campaign = `
.links a{color:#8f0c0c}.ok{background:#e8f5e9;border:1px solid #b9dfbb;padding:.6rem;border-radius:6px}
table.review td{font-size:.9rem}tr.blocked td{background:#fff6f5}ul.reasons{margin:0 0 .3rem 1rem;padding:0}ul.reasons li{margin-bottom:.2rem}
.member-form fieldset{border:1px solid #dde1e6;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.4rem 1rem;min-width:0}.member-form label{font-size:.88rem}
.member-form input[type=number]{width:5rem}.inline-form{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center}.inline-form>*{min-width:0;max-width:100%}
.submit-form{margin:1rem 0}.appraise form{margin-bottom:.5rem}.appraise textarea{display:block;width:100%;min-height:3rem}
tr.late td{background:#fff6f5}td.json{font-family:monospace;font-size:.75rem;max-width:22rem;word-break:break-all}
`;

const dashboard = `
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(200px,100%),1fr));gap:.6rem;margin-bottom:.8rem}
.tile{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.7rem}.tile .big{font-size:1.6rem;font-weight:700;display:block;color:#a50e0e}
table.compact td,table.compact th{padding:.25rem .5rem}.breach td{background:#fdecea}.ok{color:#1b7f3b}.bad{color:#a50e0e;font-weight:600}
.toolbar{display:flex;gap:.6rem;flex-wrap:wrap;align-items:center;margin:.4rem 0 1rem}.toolbar form{display:inline}
.progress{background:#eef1f4;border-radius:3px;height:10px;width:160px;max-width:40vw;display:inline-block;vertical-align:middle}.progress span{display:block;height:10px;background:#58a55c;border-radius:3px}
figure.chart{margin:0;overflow-x:auto}
@media print{.toolbar,.no-print{display:none}main{max-width:none;margin:0}.card{border:0;padding:0}a{color:inherit;text-decoration:none}.breach td{background:none;font-weight:700}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}}
`;

const masses = `
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1rem}@media(max-width:800px){.grid2{grid-template-columns:1fr}}
.masses-form label{display:block;margin:.3rem 0;font-size:.92rem}.masses-form input[type=text],.masses-form input[type=datetime-local],.masses-form input[type=date],.masses-form select,.masses-form textarea{width:100%;padding:.3rem}
.masses-form input[type=number]{width:7rem}.masses-form textarea{min-height:4rem}.row-form{display:flex;gap:.4rem;flex-wrap:wrap;align-items:center}
.tag.dissent{background:#fde2e1;color:#8a1c1c}.tag.overdue{background:#fde2e1;color:#8a1c1c}.tag.done{background:#e3f3e4}
table.masses td{font-size:.9rem}ol.agenda li{margin:.1rem 0}.codes{columns:3;font-family:monospace;font-size:1.2rem}
@media (max-width:500px){.codes{columns:2}}
@media print{.no-print{display:none}.codes{columns:2}}
`;

export const styles = frame + campaign + dashboard + masses;
